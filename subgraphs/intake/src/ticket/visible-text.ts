import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Characters that show nothing: white space, the zero-width space, non-joiner
 * and joiner (U+200B–U+200D), the word joiner (U+2060) and the byte-order mark
 * (U+FEFF). A request made only of them is empty, however long it is.
 */
const INVISIBLE = '[\\s\\u200B-\\u200D\\u2060\\uFEFF]';
const EVERY_INVISIBLE = new RegExp(INVISIBLE, 'gu');
const INVISIBLE_AT_ENDS = new RegExp(`^${INVISIBLE}+|${INVISIBLE}+$`, 'gu');

/** The text as stored: NFC-normalised, invisible characters trimmed from both ends. */
export function visibleText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE_AT_ENDS, '');
}

export function isBlank(text: string): boolean {
  return text.normalize('NFC').replace(EVERY_INVISIBLE, '') === '';
}

/** Refuses a string that is blank after normalisation (see INVISIBLE). */
export function HasVisibleText(options: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'hasVisibleText', validator: { validate: (value) => typeof value === 'string' && !isBlank(value) } }, options);
}
