import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../appError.js';

// What a written input may carry: PDF, DOCX, ODT, TXT and Markdown, recognised by their bytes, never by
// their name — an executable renamed `.pdf` is still an executable. PDF, DOCX and ODT have magic bytes
// (`file-type` also looks inside the zip for `word/document.xml` and the ODF `mimetype` entry). Plain text
// and Markdown have none: they are accepted only when the bytes are valid UTF-8 without NUL or other control
// bytes AND the name says `.txt` or `.md`.

export const ACCEPTED_DOCUMENT_TYPES = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'text/plain': 'TXT',
  'text/markdown': 'Markdown',
} as const;
export type DocumentContentType = keyof typeof ACCEPTED_DOCUMENT_TYPES;

const FRIENDLY: Record<string, string> = {
  exe: 'a Windows program (EXE)',
  elf: 'a Linux program (ELF)',
  macho: 'a macOS program (Mach-O)',
  zip: 'a ZIP archive',
  rar: 'a RAR archive',
  '7z': 'a 7-Zip archive',
  gz: 'a gzip archive',
  png: 'a PNG image',
  jpg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  doc: 'an old Word document (DOC)',
  cfb: 'an old Office document (DOC, XLS or PPT)',
  xlsx: 'an Excel workbook (XLSX)',
  pptx: 'a PowerPoint presentation (PPTX)',
  ods: 'an OpenDocument spreadsheet (ODS)',
  odp: 'an OpenDocument presentation (ODP)',
  rtf: 'an RTF document',
  html: 'an HTML page',
  xml: 'an XML file',
  mp4: 'an MP4 video',
  mp3: 'an MP3 recording',
};

export function unsupported(detected: string): AppError {
  return new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `This file is not a PDF, DOCX, ODT, TXT or Markdown document (it looks like ${detected}). Save it in one of those formats and upload it again.`,
    { detected },
  );
}

const TEXT_DECODER = new TextDecoder('utf-8', { fatal: true });
/** C0 controls other than tab, line feed, form feed and carriage return, and DEL: not in a text document. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

function isPlainUtf8Text(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = TEXT_DECODER.decode(bytes);
  } catch {
    return false;
  }
  return !CONTROL.test(text);
}

function textTypeByName(filename: string): DocumentContentType | null {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.txt')) return 'text/plain';
  if (lower.endsWith('.md')) return 'text/markdown';
  return null;
}

/** The content type of an accepted document, or UNSUPPORTED_MEDIA_TYPE saying what it looks like. */
export async function documentTypeOf(bytes: Uint8Array, filename: string): Promise<DocumentContentType> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    if (detected.mime in ACCEPTED_DOCUMENT_TYPES && !detected.mime.startsWith('text/')) return detected.mime as DocumentContentType;
    throw unsupported(FRIENDLY[detected.ext] ?? `a ${detected.ext.toUpperCase()} file (${detected.mime})`);
  }
  if (!isPlainUtf8Text(bytes)) throw unsupported('binary data of a kind it does not recognise');
  const byName = textTypeByName(filename);
  if (!byName) throw unsupported('plain text, but its name does not end in .txt or .md');
  return byName;
}
