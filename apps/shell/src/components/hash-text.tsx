import { Typography } from 'antd';

/** Props of {@link HashText}. */
export interface HashTextProps {
  /** Lower-case hex (a commitment, a snapshot or result hash, a seed). */
  value: string;
  /** Show only the first characters followed by `…`; the copy button still copies the whole value. */
  short?: number;
  testId?: string;
}

/** A hash in a monospace font, wrapped anywhere (64 characters do not fit a phone), with 复制. */
export function HashText({ value, short, testId }: HashTextProps) {
  const shown = short && value.length > short ? `${value.slice(0, short)}…` : value;
  return (
    <Typography.Text
      code
      copyable={{ text: value, tooltips: ['复制', '已复制'] }}
      style={{ wordBreak: 'break-all', fontFamily: "'SFMono-Regular', Consolas, 'Liberation Mono', monospace" }}
      data-testid={testId}
    >
      {shown}
    </Typography.Text>
  );
}
