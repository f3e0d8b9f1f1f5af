// The certificate of service record (志愿服务记录证明): a PDF with the national fields and a QR code to a public
// verification page; certificates are numbered, frozen at issue, free, and can be revoked.
import QRCode from 'qrcode';
import { recordAudit } from '../../platform/audit.js';
import { chinaDate, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { nextCounter } from '../../platform/counters.js';
import { newCjkDocument, renderPdf } from '../../platform/pdf.js';
import { type Actor, can } from '../../platform/permissions.js';
import { maskName } from '../../platform/privacy.js';
import { inTransaction } from '../../db/transaction.js';
import { findPersonContact, firstRoleHolder } from '../accounts/index.js';
import { findNode } from '../org/index.js';
import { findVolunteerRegistration } from '../volunteers/index.js';
import { starFacts } from './certificates.ports.js';
import * as repo from './records.repository.js';
import { formatCertNo } from './records.rules.js';

export interface CertificateSnapshot {
  certNo: string;
  name: string;
  idType: string;
  idNumberMasked: string | null;
  volunteerNo: string;
  minutes: number;
  /** Of which recorded by staff after the fact (补记); absent in certificates issued before it existed. */
  afterTheFactMinutes?: number;
  /** The star level held (taken effect after publicity); 0 shows no stars at all. */
  starLevel: number;
  firstDate: string | null;
  lastDate: string | null;
  content: Array<{ category: string; times: number; minutes: number }>;
  /** One row per accepted service (absent in certificates issued before it existed); printed on request. */
  activities?: Array<{ date: string; title: string; minutes: number }>;
  issuer: string;
  districtName: string;
  personInCharge: string;
  handler: string;
  contact: string;
  issuedAt: string;
}

export interface CertificateCheck {
  certNo: string;
  status: 'valid' | 'revoked';
  volunteerNameMasked: string;
  volunteerNo: string;
  minutes: number;
  issuedAt: string;
  issuer: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

/** Issues (or reuses, when the hours have not changed) a certificate and renders it as a PDF. */
export async function getCertificate(
  deps: Deps,
  actor: Actor,
  volunteerId: string,
  publicBaseUrl: string,
  opts: { activities?: boolean } = {},
): Promise<{ certNo: string; pdf: Buffer }> {
  const snapshot = await inTransaction(deps.db, async ({ trx }) => {
    const v = await findVolunteerRegistration(trx, volunteerId);
    if (!v) throw notFound('volunteer');
    const community = await findNode(trx, v.community_id);
    const isStaff = !!community && can(actor, 'volunteer.read', { districtId: v.district_id, path: community.path });
    if (v.user_id !== actor.userId && !isStaff) throw notFound('volunteer');
    if (v.status !== 'approved' || !v.volunteer_no || !community) throw new AppError('CERT_NO_HOURS');
    const byCategory = await repo.acceptedByCategory(trx, v.district_id, v.user_id);
    const minutes = byCategory.reduce((s, c) => s + Number(c.m), 0);
    if (minutes === 0) throw new AppError('CERT_NO_HOURS');
    const level = await starFacts.get().effectiveLevel(trx, v.district_id, v.user_id);
    const latest = await repo.latestCertificate(trx, v.district_id, v.id);
    if (latest && latest.minutes === minutes) {
      const prior = JSON.parse(latest.snapshot) as CertificateSnapshot;
      if (prior.starLevel === level && (!opts.activities || prior.activities)) return prior;
    }

    const district = await findNode(trx, v.district_id);
    const adminId = await firstRoleHolder(trx, v.district_id, community.id, 'community_admin');
    const admin = adminId ? await findPersonContact(trx, adminId) : undefined;
    const handlerRow = isStaff ? await findPersonContact(trx, actor.userId) : admin;
    const nameOf = (u?: { display_name: string; real_name_enc: string | null }) =>
      u ? (u.real_name_enc ? deps.cipher.decrypt(u.real_name_enc) : u.display_name) : '—';
    const now = deps.clock.now();
    const year = Number(iso(now).slice(0, 4));
    const certNo = formatCertNo(year, await nextCounter(trx, v.district_id, `cert_no:${year}`));
    const s: CertificateSnapshot = {
      certNo,
      name: deps.cipher.decrypt(v.real_name_enc),
      idType: '居民身份证',
      idNumberMasked: v.id_number_masked,
      volunteerNo: v.volunteer_no,
      minutes,
      afterTheFactMinutes: byCategory.reduce((sum, c) => sum + Number(c.late), 0),
      starLevel: level,
      firstDate: byCategory.map((c) => c.first).sort()[0] ?? null,
      lastDate:
        byCategory
          .map((c) => c.last)
          .sort()
          .reverse()[0] ?? null,
      content: byCategory
        .map((c) => ({ category: c.category, times: Number(c.n), minutes: Number(c.m) }))
        .sort((a, b) => b.minutes - a.minutes),
      activities: await repo.acceptedRowsForCertificate(trx, v.district_id, v.user_id, 300),
      issuer: `${community.name}居民委员会`,
      districtName: district?.name ?? '',
      personInCharge: nameOf(admin),
      handler: nameOf(handlerRow),
      contact: handlerRow ? deps.cipher.decrypt(handlerRow.phone_enc) : '—',
      issuedAt: iso(now),
    };
    await repo.insertCertificate(trx, {
      district_id: v.district_id,
      id: newId(),
      cert_no: certNo,
      user_id: v.user_id,
      volunteer_id: v.id,
      minutes,
      snapshot: JSON.stringify(s),
      issued_at: s.issuedAt,
      revoked_at: null,
      revoke_reason: null,
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: v.district_id,
      action: 'certificate.issue',
      targetType: 'certificate',
      targetId: certNo,
      scopeNodeId: community.id,
      scopePath: community.path,
      details: { volunteerId: v.id, minutes, afterTheFactMinutes: s.afterTheFactMinutes },
    });
    return s;
  });
  const pdf = await renderCertificate(snapshot, `${publicBaseUrl.replace(/\/$/, '')}/verify/${snapshot.certNo}`, {
    activities: !!opts.activities,
  });
  return { certNo: snapshot.certNo, pdf };
}

/** The sentence about the star level: only when one is held (never five grey stars). */
export function starSentence(level: number): string {
  return level > 0 ? `，星级为 ${'★'.repeat(level)}（${level}星）` : '';
}

/**
 * Draws the certificate: the national wording (兹证明 … 特此证明), the content by category, optionally one row per
 * service, the issuer's lines with a box for its seal (盖章处) and the QR code to the public check.
 */
export async function renderCertificate(
  s: CertificateSnapshot,
  verifyUrl: string,
  opts: { activities?: boolean } = {},
): Promise<Buffer> {
  const qr = await QRCode.toBuffer(verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const doc = newCjkDocument({ Title: `志愿服务记录证明 ${s.certNo}` });
  const date = (d: string | null) =>
    d ? `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : '—';
  const issued = chinaDate(s.issuedAt);
  return renderPdf(doc, (d) => {
    const left = d.page.margins.left;
    const width = d.page.width - left - d.page.margins.right;
    const frame = () => {
      d.save()
        .rect(left - 16, 40, width + 32, d.page.height - 80)
        .lineWidth(1.5)
        .strokeColor('#B8392B')
        .stroke()
        .restore();
      d.fillColor('#111').font('cjk').fontSize(10);
    };
    frame();
    d.font('cjk-bold').fontSize(24).fillColor('#B8392B').text('志愿服务记录证明', left, 80, { width, align: 'center' });
    d.font('cjk').fontSize(10).fillColor('#555').text(`证明编号：${s.certNo}`, left, 120, { width, align: 'right' });
    d.moveDown(1.5).fillColor('#111').fontSize(13);
    const body =
      `兹证明 ${s.name}（证件类型：${s.idType}，证件号码：${s.idNumberMasked ?? '未登记'}，志愿者编号：${s.volunteerNo}）` +
      `于 ${date(s.firstDate)} 至 ${date(s.lastDate)} 期间参加志愿服务，经${s.issuer}记录并验收，累计志愿服务时长 ${hoursText(s.minutes)}` +
      `${s.afterTheFactMinutes ? `（其中事后补记 ${hoursText(s.afterTheFactMinutes)}）` : ''}` +
      `${starSentence(s.starLevel)}。`;
    d.text(body, left, 160, { width, lineGap: 8, indent: 26 });
    d.text('特此证明。', left, d.y + 4, { width, indent: 26 });
    d.moveDown(1);
    d.font('cjk-bold').fontSize(12).text('服务内容', left);
    d.font('cjk').fontSize(11);
    const col = [left, left + 220, left + 320];
    let y = d.y + 6;
    d.fillColor('#555').text('服务类别', col[0], y).text('次数', col[1], y).text('时长', col[2], y);
    d.moveTo(left, y + 18)
      .lineTo(left + width, y + 18)
      .strokeColor('#ddd')
      .lineWidth(0.5)
      .stroke();
    y += 26;
    d.fillColor('#111');
    for (const c of s.content) {
      d.text(c.category, col[0], y).text(`${c.times} 次`, col[1], y).text(hoursText(c.minutes), col[2], y);
      y += 22;
    }
    if (opts.activities && s.activities?.length) {
      y += 10;
      d.font('cjk-bold').fontSize(12).fillColor('#111').text('服务明细', left, y);
      d.font('cjk').fontSize(10);
      y = d.y + 6;
      for (const a of s.activities) {
        if (y > d.page.height - 300) {
          d.addPage();
          frame();
          y = d.page.margins.top;
        }
        d.text(date(a.date), left, y, { width: 110 })
          .text(a.title, left + 110, y, { width: 260, height: 14, ellipsis: true })
          .text(hoursText(a.minutes), left + 380, y);
        y += 18;
      }
      d.fontSize(11);
    }
    y += 20;
    d.fontSize(12);
    const lines = [
      `出具单位：${s.issuer}（${s.districtName}）`,
      `负责人：${s.personInCharge}`,
      `经办人：${s.handler}`,
      `联系方式：${s.contact}`,
      `出具日期：${date(issued)}`,
    ];
    // The issuer's lines on the left, the box for the issuing organisation's seal (盖章处) and the QR code beside them.
    const qrSize = 120;
    const sealWidth = 130;
    const blockTop = y;
    const textWidth = width - qrSize - sealWidth - 24;
    for (const l of lines) {
      d.text(l, left, y, { width: textWidth });
      y = Math.max(y + 24, d.y + 8);
    }
    const sealX = left + width - qrSize - sealWidth - 12;
    d.save()
      .roundedRect(sealX, blockTop, sealWidth, qrSize, 6)
      .dash(4, { space: 3 })
      .lineWidth(0.8)
      .strokeColor('#B8392B')
      .stroke()
      .undash()
      .restore();
    d.fontSize(10)
      .fillColor('#B8392B')
      .text(`${s.issuer}`, sealX + 6, blockTop + 40, { width: sealWidth - 12, align: 'center' })
      .text('（盖章处）', sealX + 6, d.y + 2, { width: sealWidth - 12, align: 'center' });
    d.image(qr, left + width - qrSize, blockTop, { width: qrSize });
    d.fontSize(9)
      .fillColor('#555')
      .text('扫码核验真伪', left + width - qrSize, blockTop + qrSize + 4, {
        width: qrSize,
        align: 'center',
      });
    d.fontSize(9)
      .fillColor('#777')
      .text(
        '本证明依据《志愿服务记录与证明出具办法》，根据已验收的服务记录生成，免费出具。志愿服务记录不得买卖、交易。',
        left,
        d.page.height - 120,
        { width, align: 'center' },
      );
  });
}

/** Public check of a certificate number (no login): genuine, and whether it was revoked. */
export async function verifyCertificate(deps: Deps, certNo: string): Promise<CertificateCheck> {
  const c = await repo.findCertificateByNo(deps.db, certNo);
  if (!c) throw notFound('certificate');
  const s = JSON.parse(c.snapshot) as CertificateSnapshot;
  return {
    certNo: c.cert_no,
    status: c.revoked_at ? 'revoked' : 'valid',
    volunteerNameMasked: maskName(s.name),
    volunteerNo: s.volunteerNo,
    minutes: c.minutes,
    issuedAt: c.issued_at,
    issuer: s.issuer,
    revokedAt: c.revoked_at,
    revokeReason: c.revoke_reason,
  };
}

/** The community revokes a certificate (e.g. falsified hours); the public check then says so. */
export async function revokeCertificate(
  deps: Deps,
  actor: Actor,
  certNo: string,
  reason: string,
): Promise<CertificateCheck> {
  if (!reason.trim()) throw new AppError('REASON_REQUIRED');
  await inTransaction(deps.db, async ({ trx }) => {
    const c = await repo.findCertificateByNo(trx, certNo);
    if (!c) throw notFound('certificate');
    const v = await findVolunteerRegistration(trx, c.volunteer_id);
    const community = v ? await findNode(trx, v.community_id) : undefined;
    if (!community || !can(actor, 'record.accept', { districtId: c.district_id, path: community.path }))
      throw notFound('certificate');
    if (c.revoked_at) return;
    await repo.revokeCertificate(trx, c.district_id, c.id, iso(deps.clock.now()), reason.trim());
    await recordAudit(trx, deps.clock, actor, {
      districtId: c.district_id,
      action: 'certificate.revoke',
      targetType: 'certificate',
      targetId: certNo,
      scopeNodeId: community.id,
      scopePath: community.path,
      details: { reason: reason.trim() },
    });
  });
  return verifyCertificate(deps, certNo);
}
