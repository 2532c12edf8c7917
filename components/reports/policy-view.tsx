'use client';
// The current lapse policy, read-only: every threshold in words, and which version it is.
import { DescriptionList, Item } from '@/components/shared/description-list';
import { systemValueLabel } from '@/components/shared/labels';
import type { PolicyDto } from '@/lib/api/policy';
import { describePolicyRule } from '@/lib/domain/policy-words';
import { formatDateTime } from '@/lib/format/date';
import { useText } from '@/lib/i18n/client';
import { formatPolicyValue, POLICY_FIELDS, policyFieldLabel } from './policy-fields';

export function PolicyView({ policy }: { policy: PolicyDto }) {
  const { t, lang, fill } = useText();
  const p = t.pages.policy;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-xs text-slate-600">
        {fill(p.version, {
          version: policy.version,
          date: formatDateTime(policy.createdAt),
          by: systemValueLabel(t, policy.createdBy),
        })}
      </p>
      <section aria-label={p.ruleTitle} className="rounded border border-slate-200 bg-slate-50 p-3">
        <h3 className="text-sm font-semibold text-slate-900">{p.ruleTitle}</h3>
        <ul className="mt-1 list-disc pl-5 text-sm text-slate-800" data-testid="policy-rule-words">
          {describePolicyRule(policy, lang).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <DescriptionList>
        {POLICY_FIELDS.map((f) => (
          <Item key={f} label={policyFieldLabel(t, f)}>
            {formatPolicyValue(t, lang, f, policy[f])}
          </Item>
        ))}
      </DescriptionList>
      {policy.note ? (
        <p className="text-sm break-words text-slate-700">{systemValueLabel(t, policy.note)}</p>
      ) : null}
    </div>
  );
}
