import { createRemoteConfig } from '@dr/web-server/rspack';

export default createRemoteConfig({
  appDir: new URL('.', import.meta.url),
  name: 'web_market',
  exposes: { './InspectionTab': './src/inspection-tab.tsx', './DepartmentCases': './src/department-cases.tsx', './Workbench': './src/workbench.tsx', './CheckItems': './src/check-items.tsx', './Briefing': './src/briefing.tsx' },
});
