// A labelled button that opens a bottom sheet of large option buttons (filters with more options than fit as
// chips). Real buttons rather than a wheel: easier for elders, and screen readers and browser tests can press
// them. The <label> names the field button, so it is found as e.g. "社区".
import { useState } from 'react';
import { Popup } from 'antd-mobile';
import { ChipSelect } from './ChipSelect';

interface Option {
  value: string;
  label: string;
}

interface Props {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  disabled?: boolean;
}

export function SelectField({ id, label, value, options, onChange, disabled }: Props) {
  const [visible, setVisible] = useState(false);
  const current = options.find((o) => o.value === value);
  return (
    <div className="select-field">
      <label id={`${id}-label`} className="select-field__label" htmlFor={id}>
        {label}
      </label>
      <button
        type="button"
        id={id}
        // Named by the label and its own text: "社区 燕岭社区".
        aria-labelledby={`${id}-label ${id}`}
        data-testid={id}
        className="select-field__button"
        aria-haspopup="dialog"
        disabled={disabled}
        onClick={() => setVisible(true)}
      >
        {current?.label ?? options[0]?.label}
      </button>
      <Popup
        visible={visible}
        onMaskClick={() => setVisible(false)}
        onClose={() => setVisible(false)}
        destroyOnClose
        bodyClassName="sheet"
      >
        <div role="dialog" aria-modal="true" aria-labelledby={`${id}-sheet`}>
          <h2 id={`${id}-sheet`} className="sheet__title">
            {label}
          </h2>
          <div className="sheet__body">
            <ChipSelect<string>
              column
              label={label}
              value={value}
              options={options}
              onChange={(v) => {
                setVisible(false);
                onChange(v);
              }}
            />
          </div>
        </div>
      </Popup>
    </div>
  );
}
