// Label/value rows for detail pages (a description list, so it reads well aloud).
import type { ReactNode } from 'react';

export interface InfoRow {
  label: string;
  value: ReactNode;
  hidden?: boolean;
}

export function InfoList({ rows }: { rows: InfoRow[] }) {
  return (
    <dl className="info">
      {rows
        .filter((r) => !r.hidden)
        .map((r) => (
          <div key={r.label} className="info__row">
            <dt className="info__label">{r.label}</dt>
            <dd className="info__value">{r.value}</dd>
          </div>
        ))}
    </dl>
  );
}
