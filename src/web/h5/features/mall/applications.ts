// The merchant applications filed from this device, remembered per person (listMerchants?mine=true only shows
// shops once they are filed and the applicant has become their staff).
const key = (userId: string) => `linli.h5.merchantApplications.${userId}`;

export function readApplicationIds(userId: string): string[] {
  try {
    const raw = localStorage.getItem(key(userId));
    const ids: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberApplication(userId: string, merchantId: string): void {
  try {
    const ids = readApplicationIds(userId).filter((x) => x !== merchantId);
    localStorage.setItem(key(userId), JSON.stringify([merchantId, ...ids].slice(0, 20)));
  } catch {
    // Storage may be refused (private browsing); the page still shows the answer it just got.
  }
}
