import { Result } from 'antd';
import { Link } from 'react-router-dom';
import { usePageFrame } from '../layout/page-frame';

/** Any path the shell does not know. */
export function NotFoundPage() {
  usePageFrame('页面不存在', [{ title: '页面不存在' }]);
  return <Result status="404" title="页面不存在" subTitle="您访问的页面不存在或已被移除。" extra={<Link to="/">返回首页</Link>} />;
}
