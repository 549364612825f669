import { ValidateBy, type ValidationOptions } from 'class-validator';
import { findUnsafeCharacter, isSaneDate, saneDateMessage, unsafeCharacterMessage } from '@dr/domain';

/** Options of {@link SafeText}: the field's Chinese name for the message, and whether it holds several lines. */
export interface SafeTextOptions extends Pick<ValidationOptions, 'each'> {
  /** The field as the user sees it, e.g. `名称`; the message names it. */
  label?: string;
  /** A note or a written record: tab and line breaks are allowed. */
  multiline?: boolean;
}

/**
 * Refuses control and bidirectional-control characters in a text input (the rule is
 * `findUnsafeCharacter` in `@dr/domain`); the error is BAD_USER_INPUT naming the field. Null and
 * undefined pass, so it sits beside `@IsOptional()` without changing it.
 */
export function SafeText(options: SafeTextOptions = {}): PropertyDecorator {
  const label = options.label ?? '填写的内容';
  return ValidateBy(
    {
      name: 'safeText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || findUnsafeCharacter(value, options) === null,
        defaultMessage: (args) => {
          const values = Array.isArray(args?.value) ? args.value : [args?.value];
          const text = values.find((v): v is string => typeof v === 'string' && findUnsafeCharacter(v, options) !== null) ?? '';
          const found = findUnsafeCharacter(text, options) ?? { index: 0, codePoint: 0 };
          return unsafeCharacterMessage(label, found);
        },
      },
    },
    { each: options.each },
  );
}

/**
 * Refuses a `YYYY-MM-DD` date (or a `Date`, by its UTC day) that is not real or lies outside `SANE_DATE_RANGE` (2000–2100), naming
 * the field in Chinese. Null and undefined pass (pair with `@IsOptional()` where the date may be empty).
 */
export function SaneDate(label = '日期'): PropertyDecorator {
  return ValidateBy({
    name: 'saneDate',
    validator: {
      validate: (value: unknown) => {
        if (value === null || value === undefined) return true;
        // A DateTime input (a notice's time) is checked by its calendar day.
        if (value instanceof Date) return !Number.isNaN(value.getTime()) && isSaneDate(value.toISOString().slice(0, 10));
        return typeof value === 'string' && isSaneDate(value);
      },
      defaultMessage: () => saneDateMessage(label),
    },
  });
}
