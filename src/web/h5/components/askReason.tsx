// A dialog asking for a required reason (reject, return, cancel). Resolves with the text, or null if dismissed.
import { Dialog, TextArea, Toast } from 'antd-mobile';
import type { Translate } from '../i18n';

const REASON_MAX = 200;

export function askReason({
  title,
  placeholder,
  t,
}: {
  title: string;
  placeholder: string;
  t: Translate;
}): Promise<string | null> {
  let text = '';
  return new Promise((resolve) => {
    const handler = Dialog.show({
      title,
      content: (
        <TextArea
          placeholder={placeholder}
          maxLength={REASON_MAX}
          autoSize={{ minRows: 3, maxRows: 5 }}
          className="boxed-input"
          onChange={(v) => {
            text = v;
          }}
        />
      ),
      closeOnAction: false,
      actions: [
        [
          {
            key: 'cancel',
            text: t('common.cancel'),
            onClick: () => {
              handler.close();
              resolve(null);
            },
          },
          {
            key: 'ok',
            text: t('common.confirm'),
            bold: true,
            onClick: () => {
              if (!text.trim()) {
                // Keep the dialog open until a reason is given.
                Toast.show({ content: t('leader.reasonRequired') });
                return;
              }
              handler.close();
              resolve(text.trim());
            },
          },
        ],
      ],
    });
  });
}
