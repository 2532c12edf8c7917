// Like fill(), but placeholders may be React nodes (a <time>, a link), so word order stays in the
// dictionary: fillNodes('С {time}', { time: <DateTime … /> }).
import { Fragment, type ReactNode } from 'react';

export function fillNodes(template: string, values: Record<string, ReactNode>): ReactNode {
  const parts = template.split(/(\{\w+\})/g);
  return parts.map((part, i) => {
    const match = /^\{(\w+)\}$/.exec(part);
    const key = match?.[1];
    return <Fragment key={i}>{key !== undefined && key in values ? values[key] : part}</Fragment>;
  });
}
