// Adapts the pure checks in features/account/validation.ts to antd-mobile Form rules.
import type { FormItemProps } from 'antd-mobile';
import type { MessageKey, Translate } from '../i18n';

type Rule = NonNullable<FormItemProps['rules']>[number];

/** A Form rule that fails with the translated message the check returns. */
export function ruleFrom(check: (value: string | undefined) => MessageKey | null, t: Translate): Rule {
  return {
    validator: async (_rule, value: string | undefined) => {
      const key = check(value);
      if (key) throw new Error(t(key));
    },
  };
}
