import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';

/**
 * What an uploaded file is, decided from its content (never its name or the client's type), and
 * the resized variants of an image. Pure: nothing is stored here. A refusal is an
 * `AttachmentRefusal` with a stable code that the upload route turns into its 4xx answer.
 */

/** Largest file accepted (bytes); the request gate (server/http/guard.ts) allows it plus the multipart slack. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Largest image accepted (pixels), so that a small file cannot decompress into a huge bitmap. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** Types accepted, as sniffed from the content. Anything else (executables, archives, SVG, HTML…) is refused. */
export const ACCEPTED_TYPES: Record<string, 'image' | 'document' | 'media'> = {
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'application/pdf': 'document',
  'application/vnd.oasis.opendocument.text': 'document',
  'application/vnd.oasis.opendocument.spreadsheet': 'document',
  'application/vnd.oasis.opendocument.presentation': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
  'application/epub+zip': 'document',
  'audio/mpeg': 'media',
  'audio/ogg': 'media',
  'video/mp4': 'media',
  'video/webm': 'media',
  'text/plain': 'document',
};

/** Image variants written with an image: name → largest width. Always WebP, metadata stripped. */
export const IMAGE_VARIANTS = { thumb: 480, medium: 1280 } as const;

export type AttachmentRefusalCode = 'file_empty' | 'file_too_large' | 'type_not_allowed' | 'svg_not_allowed' | 'executable_not_allowed' | 'image_unreadable' | 'image_too_large';

export class AttachmentRefusal extends Error {
  constructor(
    public readonly code: AttachmentRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'AttachmentRefusal';
  }
}

export type Variant = { name: keyof typeof IMAGE_VARIANTS; contentType: 'image/webp'; width: number; height: number; size: number; data: Buffer };

export type InspectedFile = {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  data: Buffer;
  variants: Variant[];
};

const EXECUTABLE_TYPES = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-sharedlib',
  'application/x-executable',
  'application/vnd.microsoft.portable-executable',
  'application/x-msi',
  'application/x-apple-diskimage',
  'application/vnd.android.package-archive',
  'application/x-deb',
  'application/x-rpm',
  'application/java-archive',
  'application/wasm',
]);

/** A file name as shown and offered for download: no path, no control characters, at most 200 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '_').replace(/^\.+/, '').trim().slice(-200);
  return cleaned || 'fichier';
}

/** Plain text: valid UTF-8, no NUL or other binary control characters, and not markup (HTML, SVG, XML). */
function textKind(data: Buffer): 'text' | 'svg' | 'markup' | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return null;
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 2048).toLowerCase();
  if (/<svg[\s/>]/.test(head) || /<svg[\s/>]/.test(text.slice(0, 65536).toLowerCase())) return 'svg';
  if (head.startsWith('<') || /<(script|html|iframe|object)[\s>]/.test(text.slice(0, 65536).toLowerCase())) return 'markup';
  return 'text';
}

/** Check a file's content and make its variants. Throws `AttachmentRefusal` when it is refused. */
export async function inspectAttachment(data: Buffer, filename: string, maxBytes = MAX_ATTACHMENT_BYTES): Promise<InspectedFile> {
  if (data.length === 0) throw new AttachmentRefusal('file_empty', 'The file is empty.');
  if (data.length > maxBytes) throw new AttachmentRefusal('file_too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  const sniffed = await fileTypeFromBuffer(data);
  let contentType: string;
  if (sniffed) {
    if (EXECUTABLE_TYPES.has(sniffed.mime)) throw new AttachmentRefusal('executable_not_allowed', 'Programs cannot be attached.');
    if (sniffed.mime === 'image/svg+xml' || (sniffed.mime.endsWith('xml') && textKind(data) === 'svg')) throw new AttachmentRefusal('svg_not_allowed', 'SVG images cannot be attached; use PNG, JPEG or WebP.');
    contentType = sniffed.mime;
  } else {
    const kind = textKind(data);
    if (kind === 'svg') throw new AttachmentRefusal('svg_not_allowed', 'SVG images cannot be attached; use PNG, JPEG or WebP.');
    if (kind !== 'text') throw new AttachmentRefusal('type_not_allowed', 'This type of file cannot be attached.');
    contentType = 'text/plain';
  }
  if (!ACCEPTED_TYPES[contentType]) throw new AttachmentRefusal('type_not_allowed', 'This type of file cannot be attached.');

  let width: number | null = null;
  let height: number | null = null;
  const variants: Variant[] = [];
  if (ACCEPTED_TYPES[contentType] === 'image') {
    let meta: Metadata;
    try {
      meta = await sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
    } catch {
      throw new AttachmentRefusal('image_unreadable', 'This image cannot be read.');
    }
    if (!meta.width || !meta.height) throw new AttachmentRefusal('image_unreadable', 'This image cannot be read.');
    if (meta.width * meta.height > MAX_IMAGE_PIXELS) throw new AttachmentRefusal('image_too_large', 'This image has too many pixels.');
    // Orientation from EXIF applied: the width and height people see.
    const turned = (meta.orientation ?? 1) >= 5;
    width = turned ? meta.height : meta.width;
    height = turned ? meta.width : meta.height;
    try {
      for (const [name, max] of Object.entries(IMAGE_VARIANTS) as [keyof typeof IMAGE_VARIANTS, number][]) {
        const { data: out, info } = await sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS, animated: false })
          .rotate()
          .resize({ width: max, withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true });
        variants.push({ name, contentType: 'image/webp', width: info.width, height: info.height, size: out.length, data: out });
      }
    } catch {
      throw new AttachmentRefusal('image_unreadable', 'This image cannot be read.');
    }
  }
  return {
    filename: cleanFilename(filename),
    contentType,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    width,
    height,
    data,
    variants,
  };
}
