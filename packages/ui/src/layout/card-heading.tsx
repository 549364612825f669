import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** Props of {@link CardHeading}. */
export interface CardHeadingProps {
  /** 2 for a card of the page, 3 for a card inside one. */
  level?: 2 | 3 | 4;
  children: ReactNode;
}

/**
 * A card's title as a real heading below the page's `h1` (antd draws card titles as plain text), so that
 * screen-reader users can move from part to part; it keeps the look of a card title.
 */
export function CardHeading({ level = 2, children }: CardHeadingProps) {
  return (
    <Typography.Title level={level} style={{ fontSize: 'inherit', fontWeight: 'inherit', lineHeight: 'inherit', margin: 0 }}>
      {children}
    </Typography.Title>
  );
}
