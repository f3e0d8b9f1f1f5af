// Picks a person in scope by typing part of their name or their full phone number (listPeople).
import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Person, Role } from '../../shared/types';
import { useI18n } from '../i18n';
import { usePeopleSearch } from '../features/teams/queries';

export interface PersonSelectProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** Also told the whole person picked (name, community), e.g. for a confirmation message. */
  onPersonChange?: (person: Person | null) => void;
  /** Label for the current value before any search (e.g. the present leader's name). */
  currentLabel?: string | null;
  /** Suggest people holding this role first (listed before typing). */
  role?: Role;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
}

export function PersonSelect({
  value,
  onChange,
  onPersonChange,
  currentLabel,
  role,
  allowClear,
  placeholder,
  id,
  ...rest
}: PersonSelectProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // Wait for a pause in typing before asking the server.
  useEffect(() => {
    const h = setTimeout(() => setQ(typed), 300);
    return () => clearTimeout(h);
  }, [typed]);
  const people = usePeopleSearch(q, q ? undefined : role);
  const options = (people.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.displayName}（${p.phoneMasked}）`,
    title: [p.displayName, p.homeNodeName].filter(Boolean).join(' · '),
  }));
  if (value && currentLabel && !options.some((o) => o.value === value))
    options.unshift({ value, label: currentLabel, title: currentLabel });

  return (
    <Select<string>
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => {
        onChange?.(v ?? null);
        onPersonChange?.((v && people.data?.find((p) => p.id === v)) || null);
      }}
      allowClear={allowClear}
      placeholder={placeholder ?? t('team.personPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={options}
      loading={people.isFetching}
      notFoundContent={
        <Typography.Text type="secondary">{q ? t('team.personNone') : t('team.personTypeHint')}</Typography.Text>
      }
    />
  );
}
