// The rule sets the simulator compares, in the order the tables show them: the record first, then
// its replay, then the alternatives.
export const RULE_ROWS = ['recorded', 'inForce', 'current', 'strict', '121-FZ', 'custom'] as const;
export type RuleRow = (typeof RULE_ROWS)[number];
