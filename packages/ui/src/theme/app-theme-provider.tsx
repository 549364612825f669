import type { ReactNode } from 'react';
import { App, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { LargeTextProvider } from './large-text';
import { useIsPhone } from './use-is-phone';

/** Government blue of the top bar; the primary colour is a lighter shade of it. */
export const BRAND_COLORS = {
  header: '#0b3470',
  primary: '#1a56b0',
} as const;

/**
 * Colours that reach 4.5:1 on white and on antd's light fills (WCAG 2.1 AA 1.4.3); antd's defaults give
 * 3.36:1 for secondary text, 1.83:1 for placeholders, 4.1:1 for links and 1.82:1 for warning tags.
 */
const contrastTokens = {
  colorPrimary: BRAND_COLORS.primary,
  colorLink: BRAND_COLORS.primary,
  colorInfo: BRAND_COLORS.primary,
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorError: '#c8102e',
  // antd derives the light fills from the (now dark) status colours badly: keep its usual pale ones.
  colorSuccessBg: '#f6ffed',
  colorWarningBg: '#fffbe6',
  colorErrorBg: '#fff2f0',
  colorInfoBg: '#e6f4ff',
  colorTextSecondary: 'rgba(0, 0, 0, 0.66)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
  colorTextDescription: 'rgba(0, 0, 0, 0.66)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.62)',
  // Borders of inputs must stand out 3:1 from the page (1.4.11 non-text contrast).
  colorBorder: '#8c8c8c',
  // Preset tag colours draw text in the shade after their seed; from these darker seeds it reaches 4.5:1.
  gold: '#ad6800',
  orange: '#ad4e00',
  green: '#237804',
  cyan: '#006d75',
  lime: '#3f6600',
  volcano: '#ad2102',
  yellow: '#876800',
};

/** 大字版 (适老化): 18 px text and 40 px controls instead of 14 and 32; antd derives the rest. */
const LARGE_TEXT = { fontSize: 18, controlHeight: 40 };

function themeOf(isPhone: boolean, largeText: boolean): ThemeConfig {
  const components: ThemeConfig['components'] = {
    Layout: { headerBg: BRAND_COLORS.header, headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
    Menu: { itemHeight: largeText ? 52 : 44 },
    Breadcrumb: { itemColor: contrastTokens.colorTextSecondary, separatorColor: contrastTokens.colorTextSecondary, linkColor: contrastTokens.colorTextSecondary, lastItemColor: 'rgba(0, 0, 0, 0.88)' },
    // On a phone every pixel of width counts: cards keep only a narrow inner margin.
    ...(isPhone ? { Card: { bodyPadding: 12, headerPadding: 12 } } : {}),
  };
  return { token: { ...contrastTokens, borderRadius: 4, ...(largeText ? LARGE_TEXT : { fontSize: 14 }) }, components };
}

/**
 * What antd's tokens cannot set: a focus ring of the brand colour (3:1 against white and the top bar's
 * blue is drawn white) on every control reached by keyboard, and no English "Tab 1 of 3" in the
 * tabs' names: rc-tabs puts that text inside each tab, and hidden text (display: none) is left out of
 * the accessible name while screen readers still say the position from the tab list itself. Links in
 * running text are underlined: colour alone does not tell them from the words around them. An empty
 * table's 暂无数据 is drawn in the disabled grey, which no token of the table changes.
 */
const GLOBAL_CSS = `
:focus-visible { outline: 2px solid ${BRAND_COLORS.primary} !important; outline-offset: 2px; }
.ant-layout-header :focus-visible { outline-color: #ffffff !important; }
.ant-tabs-tab-btn > [aria-live] { display: none; }
.ant-typography a:not(.ant-btn) { text-decoration: underline; }
.ant-table-placeholder { color: ${contrastTokens.colorTextSecondary} !important; }
`;

/** Props of {@link AppThemeProvider}. */
export interface AppThemeProviderProps {
  children: ReactNode;
}

/**
 * zh-CN locale and the platform theme for antd, plus antd's `App` context (message, modal). On a
 * phone every control is `large` (40 px) so that it is easy to touch. Meets WCAG 2.1 AA colour
 * contrast and offers 大字版 ({@link useLargeText}), remembered on the device.
 */
export function AppThemeProvider({ children }: AppThemeProviderProps) {
  const isPhone = useIsPhone();
  return (
    <LargeTextProvider>
      {(largeText) => (
        <ConfigProvider locale={zhCN} theme={themeOf(isPhone, largeText)} componentSize={isPhone ? 'large' : 'middle'}>
          <style>{GLOBAL_CSS}</style>
          <App>{children}</App>
        </ConfigProvider>
      )}
    </LargeTextProvider>
  );
}
