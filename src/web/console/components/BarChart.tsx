// A small column chart in plain HTML (no chart library): one column per item, value above, label below.
// Readable by screen readers as a list of "label: value".
import { Tooltip, Typography } from 'antd';
import { PRIMARY_COLOR } from '../theme';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
}

export interface BarChartProps {
  data: BarDatum[];
  /** Accessible name of the chart. */
  title: string;
  /** Unit after each value in tooltips and the screen-reader list. */
  unit?: string;
  height?: number;
  color?: string;
  emptyText?: string;
}

/** A round axis maximum (1, 2, 5 × 10^n) at or above the largest value. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

export function BarChart({ data, title, unit = '', height = 220, color = PRIMARY_COLOR, emptyText }: BarChartProps) {
  const top = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const ticks = [top, top / 2, 0];
  if (data.length === 0) return <Typography.Text type="secondary">{emptyText}</Typography.Text>;
  return (
    <figure style={{ margin: 0 }} aria-label={title} data-testid="bar-chart">
      <ul className="linli-sr-only">
        {data.map((d) => (
          <li key={d.key}>
            {d.label}: {d.value}
            {unit}
          </li>
        ))}
      </ul>
      <div aria-hidden style={{ display: 'flex', gap: 8 }}>
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            justifyContent: 'space-between',
            height,
            marginTop: 12,
            textAlign: 'right',
            minWidth: 40,
          }}
        >
          {ticks.map((v) => (
            <Typography.Text key={v} type="secondary" style={{ fontSize: 12, lineHeight: '12px' }}>
              {v.toLocaleString()}
            </Typography.Text>
          ))}
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div
            style={{
              height,
              marginTop: 18,
              display: 'flex',
              alignItems: 'flex-end',
              justifyContent: 'space-around',
              gap: 16,
              padding: '0 8px',
              borderBottom: '1px solid #d9d9d9',
              backgroundImage: 'linear-gradient(#f0f0f0 1px, transparent 1px)',
              backgroundSize: `100% ${height / 2}px`,
            }}
          >
            {data.map((d) => (
              <Tooltip key={d.key} title={`${d.label}：${d.value.toLocaleString()}${unit}`}>
                <div
                  style={{
                    flex: 1,
                    maxWidth: 72,
                    display: 'flex',
                    flexDirection: 'column',
                    alignItems: 'center',
                    justifyContent: 'flex-end',
                    height: '100%',
                    overflow: 'visible',
                  }}
                >
                  <Typography.Text style={{ fontSize: 12, marginBottom: 2, fontVariantNumeric: 'tabular-nums' }}>
                    {d.value.toLocaleString()}
                  </Typography.Text>
                  <div
                    style={{
                      width: '100%',
                      height: (Math.max(0, d.value) / top) * height,
                      minHeight: d.value > 0 ? 2 : 0,
                      background: color,
                      borderRadius: '4px 4px 0 0',
                      transition: 'height 0.3s',
                    }}
                  />
                </div>
              </Tooltip>
            ))}
          </div>
          <div style={{ display: 'flex', justifyContent: 'space-around', gap: 16, padding: '4px 8px 0' }}>
            {data.map((d) => (
              <Typography.Text
                key={d.key}
                type="secondary"
                ellipsis
                title={d.label}
                style={{ flex: 1, maxWidth: 72, fontSize: 12, textAlign: 'center' }}
              >
                {d.label}
              </Typography.Text>
            ))}
          </div>
        </div>
      </div>
    </figure>
  );
}
