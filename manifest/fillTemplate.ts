/**
 * Fills `${{NAME}}` placeholders in the manifest template.
 *
 * The template is valid JSON whose placeholders sit inside strings, so we substitute on the parsed
 * value, string by string: a value can never break the JSON, and every problem can name the JSON path
 * where it happened. Any placeholder that is left, or that a value itself introduces, is a problem:
 * Teams would otherwise receive a literal `${{...}}` and fail at upload time with a far worse message.
 */

export type TemplateValues = Readonly<Record<string, string>>;

export interface FillResult {
  readonly manifest: Record<string, unknown>;
  readonly problems: readonly string[];
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function fillTemplate(templateText: string, values: TemplateValues): FillResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(templateText);
  } catch (error) {
    return { manifest: {}, problems: [`manifest template is not valid JSON: ${(error as Error).message}`] };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { manifest: {}, problems: ['manifest template must be a JSON object'] };
  }
  const problems: string[] = [];
  const manifest = fillValue(parsed, '', values, problems) as Record<string, unknown>;
  return { manifest, problems };
}

function fillValue(value: unknown, path: string, values: TemplateValues, problems: string[]): unknown {
  if (typeof value === 'string') return fillString(value, path, values, problems);
  if (Array.isArray(value)) return value.map((item, index) => fillValue(item, `${path}/${index}`, values, problems));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillValue(item, `${path}/${key}`, values, problems)]));
  }
  return value;
}

function fillString(text: string, path: string, values: TemplateValues, problems: string[]): string {
  const where = path || '/';
  let missing = false;
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const replacement = values[name];
    if (replacement === undefined || replacement === '') {
      problems.push(`${where}: placeholder \${{${name}}} has no value`);
      missing = true;
      return whole;
    }
    return replacement;
  });
  // A value that itself contains a placeholder, or a half-written one in the template, must not slip through.
  if (!missing && filled.includes('${{')) {
    problems.push(`${where}: a placeholder is left after filling: "${filled}"`);
  }
  return filled;
}
