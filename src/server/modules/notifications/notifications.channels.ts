// Channels that carry a notice beyond the in-app inbox. The inbox is always on (a notice row is the inbox); SMS and
// WeChat template messages are HTTP providers configured by environment (config.notify). With none configured no
// delivery row is written, so nothing claims that an SMS was sent.
import type { NotifyConfig } from '../../config.js';

export interface OutgoingMessage {
  noticeId: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  /** Deep link path in the H5 or console. */
  link: string | null;
}

export type SendResult = { ok: true; providerId: string | null } | { ok: false; error: string; permanent?: boolean };

/** One external way to reach a person. */
export interface NotificationChannel {
  /** Stored in the delivery log: 'sms' | 'wechat'. */
  name: string;
  /** Sends one message; never throws (a failure is a result, retried by the caller). */
  send(msg: OutgoingMessage, recipient: { phone: string | null }): Promise<SendResult>;
}

/**
 * An HTTP provider: POSTs JSON ({to, title, text, kind, link, noticeId, templateId}) with a bearer token; any 2xx
 * is delivered, its JSON `id` (or `messageId`) kept as the provider's id; anything else is a failure to retry.
 */
export class HttpChannel implements NotificationChannel {
  constructor(
    readonly name: 'sms' | 'wechat',
    private readonly url: string,
    private readonly token: string | null,
    private readonly templateId: string | null = null,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(msg: OutgoingMessage, recipient: { phone: string | null }): Promise<SendResult> {
    // SMS goes to the phone; a WeChat template message goes to the person (the provider maps them to an openid).
    const to = this.name === 'sms' ? recipient.phone : msg.userId;
    if (!to) return { ok: false, error: 'no recipient address', permanent: true };
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify({
          to,
          title: msg.title,
          text: this.name === 'sms' ? `【邻里】${msg.title}：${msg.body}` : msg.body,
          kind: msg.kind,
          link: msg.link,
          noticeId: msg.noticeId,
          ...(this.templateId ? { templateId: this.templateId } : {}),
        }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      if (!res.ok) return { ok: false, error: `HTTP ${res.status}: ${text.slice(0, 200)}` };
      let providerId: string | null = null;
      try {
        const json = JSON.parse(text) as { id?: unknown; messageId?: unknown };
        const id = json.id ?? json.messageId;
        providerId = typeof id === 'string' || typeof id === 'number' ? String(id) : null;
      } catch {
        providerId = null;
      }
      return { ok: true, providerId };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }
}

/** The external channels the configuration names (none → the inbox only). */
export function channelsFromConfig(c: NotifyConfig): NotificationChannel[] {
  const out: NotificationChannel[] = [];
  if (c.smsUrl) out.push(new HttpChannel('sms', c.smsUrl, c.smsToken));
  if (c.wechatUrl) out.push(new HttpChannel('wechat', c.wechatUrl, c.wechatToken, c.wechatTemplateId));
  return out;
}
