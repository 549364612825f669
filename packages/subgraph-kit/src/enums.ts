import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

/**
 * GraphQL enums every subgraph shares. Their values are identical everywhere (composition requires
 * that of enums used in inputs); internally they carry the domain's lower-case codes.
 */
export enum DepartmentEnum {
  CULTURE = 'culture',
  MARKET = 'market',
  FIRE = 'fire',
}
registerEnumType(DepartmentEnum, {
  name: 'Department',
  description: '参与联合抽查的部门',
  valuesConfig: { CULTURE: { description: '文化广电和旅游局' }, MARKET: { description: '市场监督管理局' }, FIRE: { description: '消防救援大队' } },
});

export enum RoleEnum {
  OFFICE_ADMIN = 'OFFICE_ADMIN',
  DEPARTMENT_ADMIN = 'DEPARTMENT_ADMIN',
  INSPECTOR = 'INSPECTOR',
}
registerEnumType(RoleEnum, { name: 'Role', description: '用户角色' });
