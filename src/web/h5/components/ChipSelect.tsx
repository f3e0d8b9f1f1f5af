// A row of large pill buttons to pick one value or several (filters, skills, categories). Real buttons with
// aria-pressed, so screen readers and browser tests see their state; they grow in elder mode.
interface Option<V extends string> {
  value: V;
  label: string;
}

interface CommonProps<V extends string> {
  options: Option<V>[];
  /** Name of the group for assistive technology. */
  label: string;
  /** Horizontal scrolling row instead of wrapping (filters). */
  scroll?: boolean;
  /** One full-width option per line (long labels such as activity titles). */
  column?: boolean;
  id?: string;
}

interface SingleProps<V extends string> extends CommonProps<V> {
  multiple?: false;
  value?: V;
  onChange?: (value: V) => void;
}

interface MultipleProps<V extends string> extends CommonProps<V> {
  multiple: true;
  value?: V[];
  onChange?: (value: V[]) => void;
}

export function ChipSelect<V extends string>(props: SingleProps<V> | MultipleProps<V>) {
  const { options, label, scroll, column, id } = props;
  const selected = (v: V) => (props.multiple ? (props.value ?? []).includes(v) : props.value === v);
  const toggle = (v: V) => {
    if (props.multiple) {
      const current = props.value ?? [];
      props.onChange?.(current.includes(v) ? current.filter((x) => x !== v) : [...current, v]);
    } else {
      props.onChange?.(v);
    }
  };
  return (
    <div
      id={id}
      role="group"
      aria-label={label}
      className={`chips${scroll ? ' chips--scroll' : ''}${column ? ' chips--column' : ''}`}
    >
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={`chips__item${selected(o.value) ? ' chips__item--on' : ''}`}
          aria-pressed={selected(o.value)}
          onClick={() => toggle(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
