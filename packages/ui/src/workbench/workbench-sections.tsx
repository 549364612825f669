import { useState, type ReactNode } from 'react';
import { Button, Flex } from 'antd';

/** One section of the workbench (待录入, 移送, …). */
export interface WorkbenchSection {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

/**
 * The workbench's sections as a wrapping row of buttons: antd's tabs hide what does not fit a 360 px
 * screen behind a "more" menu, while six short buttons wrap onto two lines and stay one tap away.
 * Only the chosen section is rendered, so its lists are queried when first opened.
 */
export function WorkbenchSections({ items }: { items: readonly WorkbenchSection[] }) {
  const [active, setActive] = useState(items[0]?.key);
  const current = items.find((item) => item.key === active) ?? items[0];
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap role="tablist">
        {items.map((item) => (
          <Button
            key={item.key}
            role="tab"
            aria-selected={item.key === current?.key}
            type={item.key === current?.key ? 'primary' : 'default'}
            onClick={() => setActive(item.key)}
          >
            {item.label}
          </Button>
        ))}
      </Flex>
      <div role="tabpanel">{current?.children}</div>
    </Flex>
  );
}
