// A report category's mark: one plain character on a coloured disc (see labels.ts).
import { reportCategoryMark } from './labels';

export function ReportCategoryMark({ category, name, size = 44 }: { category: string; name: string; size?: number }) {
  const m = reportCategoryMark(category, name);
  return (
    <span
      className={`tile__icon tile__icon--${m.color}`}
      style={{ width: size, height: size, fontSize: Math.round(size * 0.5), fontWeight: 600, flex: 'none' }}
      aria-hidden="true"
    >
      {m.char}
    </span>
  );
}
