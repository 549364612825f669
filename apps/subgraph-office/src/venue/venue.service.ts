import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isValidRegistrationNumber, validateUscc, type CodeKind } from '@dr/domain';
import { createStreetResolver } from '@dr/directory-import';
import { badInput, conflict, notFound } from '@dr/subgraph-kit';
import { Venue } from './venue.entity';
import type { VenueInput } from './dtos/venue.input';

/** The code kind of a venue's code, or BAD_USER_INPUT on `uscc` saying what is wrong. */
export function codeKindOf(code: string): CodeKind {
  if (/^\d{15}$/.test(code)) {
    if (!isValidRegistrationNumber(code)) throw badInput('uscc', '15 位工商注册号校验位不正确，请核对');
    return 'LEGACY_REGISTRATION';
  }
  const result = validateUscc(code);
  if (!result.valid) throw badInput('uscc', result.message);
  return 'USCC';
}

/** The object directory (检查对象名录库), kept by the joint office. */
export class VenueService {
  private readonly resolveStreet: (value: string) => string | undefined;

  /** `streets`: the district's streets (DISTRICT_STREETS), the same list the import checks against. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly streets: readonly string[],
  ) {
    this.resolveStreet = createStreetResolver(streets);
  }

  async create(input: VenueInput): Promise<Venue> {
    return this.dataSource.transaction(async (manager) => {
      const values = await this.checked(manager, input, null);
      const id = randomUUID();
      await manager.insert(Venue, { id, ...values, createdAt: new Date() });
      return manager.findOneByOrFail(Venue, { id });
    });
  }

  async update(id: string, input: VenueInput): Promise<Venue> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Venue, { id }))) throw notFound('检查对象', id);
      await manager.update(Venue, { id }, await this.checked(manager, input, id));
      return manager.findOneByOrFail(Venue, { id });
    });
  }

  private async checked(manager: EntityManager, input: VenueInput, id: string | null) {
    const uscc = input.uscc.trim().toUpperCase();
    const codeKind = codeKindOf(uscc);
    const clash = await manager.findOneBy(Venue, { uscc });
    if (clash && clash.id !== id) throw conflict(`统一社会信用代码 ${uscc} 已属于“${clash.name}”`, { field: 'uscc', venueId: clash.id });
    const blank = (value: string | null | undefined) => value?.trim() || null;
    const required = (field: 'name' | 'address', label: string) => {
      const value = input[field].trim();
      if (!value) throw badInput(field, `${label}不能为空`);
      return value;
    };
    const name = required('name', '名称');
    const address = required('address', '经营场所地址');
    if (!input.street.trim()) throw badInput('street', '所属街道不能为空');
    const street = this.resolveStreet(input.street);
    if (!street) throw badInput('street', `“${input.street.trim().slice(0, 50)}”不是本辖区的街道，应为：${this.streets.join('、')}`);
    return {
      name,
      uscc,
      codeKind,
      licenseNumber: blank(input.licenseNumber),
      address,
      street,
      legalRepresentative: blank(input.legalRepresentative),
      contactPerson: blank(input.contactPerson),
      phone: blank(input.phone),
      terminals: input.terminals ?? null,
      status: input.status,
      riskClass: input.riskClass,
    };
  }
}
