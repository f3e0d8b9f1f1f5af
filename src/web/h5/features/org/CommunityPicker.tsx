// A form control that picks one community through a street → community cascade.
import { useMemo, useState } from 'react';
import { CascadePicker } from 'antd-mobile';
import { useI18n } from '../../i18n';
import { buildCommunityOptions, findCommunityPath, useCommunities } from './queries';

interface Props {
  /** The chosen community id (injected by Form.Item). */
  value?: string;
  onChange?: (communityId: string) => void;
  /** Injected by Form.Item so the field's <label> points at the button. */
  id?: string;
  /** Shown when the current value is not among the offered communities (e.g. archived since). */
  fallbackLabel?: string | null;
}

export function CommunityPicker({ value, onChange, id, fallbackLabel }: Props) {
  const { t } = useI18n();
  const { data: nodes, isLoading } = useCommunities();
  const [visible, setVisible] = useState(false);
  const options = useMemo(() => buildCommunityOptions(nodes ?? []), [nodes]);
  const path = value ? findCommunityPath(options, value) : null;
  const label = path ? path.labels.join(' / ') : value ? fallbackLabel : null;

  return (
    <>
      <button
        type="button"
        id={id}
        className={`picker-field${label ? '' : ' picker-field--empty'}`}
        onClick={() => setVisible(true)}
        disabled={isLoading}
      >
        {label ?? (isLoading ? t('common.loading') : t('ph.community'))}
      </button>
      <CascadePicker
        title={t('ph.community')}
        options={options}
        visible={visible}
        value={path?.values}
        onClose={() => setVisible(false)}
        onConfirm={(values) => {
          const chosen = [...values].reverse().find((v): v is string => !!v);
          if (chosen && findCommunityPath(options, chosen)) onChange?.(chosen);
        }}
      />
    </>
  );
}

/** Whether there is any community to choose from (registration then requires one). */
export function useHasCommunities(): boolean | undefined {
  const { data } = useCommunities();
  return data ? buildCommunityOptions(data).length > 0 : undefined;
}
