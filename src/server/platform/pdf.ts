// PDF documents with Chinese text: pdfkit plus the Noto Sans SC font shipped by an npm package.
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
let fontDir: string | null = null;

/** The folder holding the CJK fonts (resolved once from the @embedpdf/fonts-sc package). */
export function cjkFontDir(): string {
  fontDir ??= path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  return fontDir;
}

/** A new A4 document with the CJK fonts registered as "cjk" and "cjk-bold". */
export function newCjkDocument(info: { Title: string; Author?: string }): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { ...info, Creator: 'linli' } });
  doc.registerFont('cjk', path.join(cjkFontDir(), 'NotoSansHans-Regular.otf'));
  doc.registerFont('cjk-bold', path.join(cjkFontDir(), 'NotoSansHans-Medium.otf'));
  doc.font('cjk');
  return doc;
}

/** Renders a document to a Buffer. */
export function renderPdf(doc: PDFKit.PDFDocument, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}
