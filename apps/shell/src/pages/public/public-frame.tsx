import type { ReactNode } from 'react';
import { Flex, Layout, Typography } from 'antd';
import BankOutlined from '@ant-design/icons/es/icons/BankOutlined';
import { Link } from 'react-router-dom';
import { BRAND_COLORS, useIsPhone } from '@dr/ui';
import { ISSUING_OFFICE } from './public-site';

/** Props of {@link PublicFrame}. */
export interface PublicFrameProps {
  /** The column's title under the site name, e.g. 抽取结果公开验证. */
  section: string;
  /** The line under the sponsor at the foot; by default what the verification page promises. */
  footnote?: ReactNode;
  children: ReactNode;
}

/**
 * The frame of a public page of the government site (no login): the issuing office in the banner, a
 * short navigation bar, the content in a centred column and the sponsor line at the foot.
 */
export function PublicFrame({ section, footnote = '本页在您的浏览器中完成全部计算，上传的凭证文件不会离开您的设备。', children }: PublicFrameProps) {
  const isPhone = useIsPhone();
  const white = { color: '#ffffff', margin: 0 } as const;
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <div style={{ height: 4, background: '#c8161e' }} />
      <header style={{ background: BRAND_COLORS.header, padding: isPhone ? '16px 12px' : '24px 32px' }}>
        <Flex align="center" gap={12} style={{ maxWidth: 1080, margin: '0 auto' }}>
          <BankOutlined style={{ color: '#ffffff', fontSize: isPhone ? 28 : 40 }} />
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={1} style={{ ...white, fontSize: isPhone ? 16 : 24 }}>
              {ISSUING_OFFICE}
            </Typography.Title>
            <Typography.Text style={{ ...white, opacity: 0.85 }}>“双随机、一公开”信息公开</Typography.Text>
          </div>
        </Flex>
      </header>
      <nav style={{ background: BRAND_COLORS.primary }}>
        <Flex gap={isPhone ? 12 : 32} style={{ maxWidth: 1080, margin: '0 auto', padding: isPhone ? '0 12px' : '0 32px', lineHeight: '44px' }}>
          <Typography.Text style={{ ...white, fontWeight: 600 }}>{section}</Typography.Text>
          <Link to="/login" style={{ color: '#ffffff' }} data-testid="public-login-link">
            工作人员登录
          </Link>
        </Flex>
      </nav>
      <Layout.Content style={{ width: '100%', maxWidth: 1080, margin: '0 auto', padding: isPhone ? 12 : '24px 32px' }}>{children}</Layout.Content>
      <footer style={{ borderTop: `3px solid ${BRAND_COLORS.header}`, background: '#ffffff', padding: '16px 12px', textAlign: 'center' }}>
        <Typography.Text type="secondary">主办单位：{ISSUING_OFFICE}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{footnote}</Typography.Text>
      </footer>
    </Layout>
  );
}
