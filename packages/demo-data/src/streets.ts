/** The sub-districts (街道) and towns of 平顶山市卫东区 (administrative division 410403). */
export const WEIDONG_DIVISION_CODE = '410403';

export const WEIDONG_STREETS = [
  { name: '东安路街道', roads: ['东安路', '建设路东段', '东环路'] },
  { name: '五一路街道', roads: ['五一路', '开源路', '矿工路东段'] },
  { name: '建设路街道', roads: ['建设路', '光明路', '园林路'] },
  { name: '东环路街道', roads: ['东环路', '湛河北路', '轻工路'] },
  { name: '东工人镇街道', roads: ['东工人镇路', '姚电大道', '河滨路'] },
  { name: '光华路街道', roads: ['光华路', '优越路', '体育路'] },
  { name: '优越路街道', roads: ['优越路', '公园路', '南环路'] },
  { name: '鸿鹰街道', roads: ['鸿鹰路', '东风路', '神马大道'] },
  { name: '皇台街道', roads: ['皇台路', '北环路', '程平路'] },
  { name: '北环路街道', roads: ['北环路', '新华路北段', '焦庄路'] },
  { name: '申楼街道', roads: ['申楼路', '高阳路', '平安大道'] },
  { name: '蒲城店街道', roads: ['蒲城路', '东高皇路', '光明路东段'] },
] as const;
