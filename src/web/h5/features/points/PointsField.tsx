// The points to give: a stepper that can be typed into, checked against the balance and the monthly limit so
// the person learns at once (the server checks again, including what was already given this month).
import { Form } from 'antd-mobile';
import { NumberStepper } from '../../components/NumberStepper';
import { useI18n } from '../../i18n';
import type { MyPointsItem } from './types';

/** The API's upper bound for one movement. */
const POINTS_MAX = 1_000_000;

export function PointsField({ account, label }: { account: MyPointsItem; label: string }) {
  const { t } = useI18n();
  const limit = account.rules.monthlyGiveLimit;
  return (
    <Form.Item
      name="points"
      label={label}
      description={t('give.balanceHint', { balance: account.balance, limit: t('points.giveLimit', { limit }) })}
      rules={[
        {
          validator: async (_rule, value: number | undefined) => {
            if (!value || value < 1) throw new Error(t('give.pointsRequired'));
            if (value > account.balance) throw new Error(t('give.notEnough', { balance: account.balance }));
            if (value > limit) throw new Error(t('give.overLimit', { limit }));
          },
        },
      ]}
    >
      <NumberStepper min={1} max={POINTS_MAX} label={label} />
    </Form.Item>
  );
}
