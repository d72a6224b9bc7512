import type { AuditEntry } from '@baitong/contracts';
import ExcelJS from 'exceljs';

export type ExportLanguage = 'zh-CN' | 'en';

const TIME_ZONE = 'Asia/Shanghai';

const HEADERS: Record<ExportLanguage, string[]> = {
  'zh-CN': ['时间', '操作人', '操作', '对象类型', '对象', '社区', 'IP 地址', '详情'],
  en: ['Time', 'By', 'Action', 'Record type', 'Record', 'Community', 'IP address', 'Detail'],
};

export const ACTIONS: Record<string, [string, string]> = {
  'auth.login': ['登录', 'Signed in'],
  'auth.login_failed': ['登录失败', 'Sign-in failed'],
  'auth.login_throttled': ['登录受限', 'Sign-in throttled'],
  'auth.logout': ['退出登录', 'Signed out'],
  'auth.session_ended': ['会话结束', 'Session ended'],
  'auth.refresh_reuse': ['令牌重复使用', 'Refresh token reused'],
  'auth.registration_opened': ['开始注册', 'Registration started'],
  'personal_data.read': ['查看个人信息', 'Viewed personal data'],
  'staff.write': ['修改数据', 'Changed data'],
  'rating_facts.changed': ['修改评定依据', 'Changed rating facts'],
  'case.mediation_corrected': ['更正调解记录', 'Corrected a mediation record'],
  'audit.exported': ['导出审计日志', 'Exported the audit log'],
  'resident.registered': ['登记居民', 'Registered a resident'],
  'resident.verified': ['核验居民', 'Verified a resident'],
  'resident.merged': ['合并居民记录', 'Merged resident records'],
  'rating.assessment_corrected': ['更正评定分数', 'Corrected a rating score'],
  'open311_client.issued': ['签发 Open311 密钥', 'Issued an Open311 key'],
  'open311_client.changed': ['修改 Open311 客户端', 'Changed an Open311 client'],
  'open311_client.revoked': ['吊销 Open311 密钥', 'Revoked an Open311 key'],
  'open311.request_filed': ['通过 Open311 提交请求', 'Filed a request over Open311'],
};

const KINDS: Record<string, [string, string]> = {
  case: ['案件', 'Case'],
  resident: ['居民', 'Resident'],
  staff: ['工作人员', 'Staff'],
  community: ['社区', 'Community'],
  compound: ['小区', 'Compound'],
  desk: ['服务点', 'Desk'],
  grid: ['网格', 'Grid'],
  street: ['街道', 'Street'],
  category: ['事项类别', 'Category'],
  photo: ['照片', 'Photo'],
  session: ['会话', 'Session'],
  workforce_entry: ['社区工作者', 'Community worker'],
  rating_assessment: ['评定分数', 'Rating score'],
  api_client: ['Open311 客户端', 'Open311 client'],
};

const pick = (pair: [string, string] | undefined, lang: ExportLanguage, fallback: string) =>
  pair ? pair[lang === 'en' ? 1 : 0] : fallback;

/** "2026-11-27 14:05" in the district's zone: one unambiguous form a spreadsheet sorts. */
function localTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The ledger as one xlsx sheet, with the entries' words as shown in the console. */
export async function auditWorkbook(entries: AuditEntry[], lang: ExportLanguage): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Baitong';
  const sheet = book.addWorksheet(lang === 'en' ? 'Audit log' : '审计日志', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = HEADERS[lang].map((header, i) => ({
    header,
    width: [20, 14, 20, 12, 28, 18, 16, 60][i],
  }));
  sheet.getRow(1).font = { bold: true };
  const system = lang === 'en' ? 'System' : '系统';
  for (const e of entries) {
    const community = lang === 'en' ? e.communityNameEn || e.communityName : e.communityName;
    const target = lang === 'en' ? e.targetLabelEn || e.targetLabel : e.targetLabel;
    sheet.addRow([
      localTime(e.at),
      e.actorName ?? system,
      pick(ACTIONS[e.action], lang, e.action),
      e.entity ? pick(KINDS[e.entity], lang, e.entity) : '',
      target ?? e.entityId ?? '',
      community ?? '',
      e.ip ?? '',
      Object.keys(e.detail).length ? JSON.stringify(e.detail) : '',
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
