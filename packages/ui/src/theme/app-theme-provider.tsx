import type { ReactNode } from 'react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useIsPhone } from './use-is-phone';

/** Government blue of the top bar; the primary colour is a lighter shade of it. */
export const BRAND_COLORS = {
  header: '#0b3470',
  primary: '#1a56b0',
} as const;

const desktopTheme = {
  token: { colorPrimary: BRAND_COLORS.primary, borderRadius: 4, fontSize: 14 },
  components: {
    Layout: { headerBg: BRAND_COLORS.header, headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
    Menu: { itemHeight: 44 },
  },
};

/** On a phone every pixel of width counts: cards keep only a narrow inner margin. */
const phoneTheme = {
  ...desktopTheme,
  components: { ...desktopTheme.components, Card: { bodyPadding: 12, headerPadding: 12 } },
};

/** Props of {@link AppThemeProvider}. */
export interface AppThemeProviderProps {
  children: ReactNode;
}

/**
 * zh-CN locale and the platform theme for antd, plus antd's `App` context (message, modal). On a
 * phone every control is `large` (40 px) so that it is easy to touch.
 */
export function AppThemeProvider({ children }: AppThemeProviderProps) {
  const isPhone = useIsPhone();
  return (
    <ConfigProvider locale={zhCN} theme={isPhone ? phoneTheme : desktopTheme} componentSize={isPhone ? 'large' : 'middle'}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
