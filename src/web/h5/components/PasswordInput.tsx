// A password box with a show/hide eye, so people can check what they typed (helps older users).
import { useState } from 'react';
import { Input } from 'antd-mobile';
import { EyeInvisibleOutline, EyeOutline } from 'antd-mobile-icons';
import { useI18n } from '../i18n';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  placeholder: string;
  autoComplete: 'current-password' | 'new-password';
}

export function PasswordInput({ value, onChange, id, placeholder, autoComplete }: Props) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  return (
    <div className="password-input">
      <Input
        id={id}
        value={value}
        onChange={onChange}
        placeholder={placeholder}
        type={shown ? 'text' : 'password'}
        autoComplete={autoComplete}
        maxLength={64}
      />
      <button
        type="button"
        className="password-input__eye"
        aria-label={shown ? t('common.hidePassword') : t('common.showPassword')}
        aria-pressed={shown}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? <EyeOutline /> : <EyeInvisibleOutline />}
      </button>
    </div>
  );
}
