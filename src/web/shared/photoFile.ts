// Both apps use it: the H5 report form and the console's resolve step.
// A chosen photo as the upload route takes it: base64 of the file. A large camera photo is first scaled down on the
// phone (max 1600 px, JPEG) so it travels fast on a weak connection; the server checks the content, strips the
// metadata and resizes again whatever it gets. Files the browser cannot decode (HEIC on most phones) go as they are.

const MAX_SIDE = 1600;
const SMALL_ENOUGH = 1_000_000;

function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

async function scaledDown(file: File): Promise<Blob | null> {
  if (typeof createImageBitmap !== 'function') return null;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  } catch {
    return null;
  }
}

/** The file's content in base64, scaled down first when it is a large picture the browser can read. */
export async function photoPayload(file: File): Promise<{ contentBase64: string; filename: string | null }> {
  const blob = file.size > SMALL_ENOUGH ? ((await scaledDown(file)) ?? file) : file;
  return { contentBase64: await toBase64(blob), filename: file.name || null };
}
