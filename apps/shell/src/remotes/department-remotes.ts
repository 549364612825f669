import type { ComponentType } from 'react';
import { loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';
import type { CheckItemsModule, CheckItemsProps, DepartmentCode, InspectionTabModule, InspectionTabProps, WorkbenchModule, WorkbenchProps } from '@dr/ui';
import type { RemoteKey, RuntimeConfig } from '../config/runtime-config';

/** A department's microfrontend: its `/config.json` key and its module-federation container name. */
export interface DepartmentRemote {
  key: RemoteKey;
  department: DepartmentCode;
  containerName: string;
}

/** The department remotes in tab order (the lead department first). */
export const DEPARTMENT_REMOTES: readonly DepartmentRemote[] = [
  { key: 'culture', department: 'CULTURE', containerName: 'web_culture' },
  { key: 'market', department: 'MARKET', containerName: 'web_market' },
  { key: 'fire', department: 'FIRE', containerName: 'web_fire' },
];

const manifestUrls = new Map<string, string>();

/**
 * Tells the module-federation runtime where each remote's manifest is; nothing is fetched until a
 * tab is opened.
 * @param urls - manifest URLs from `/config.json`
 */
export function registerDepartmentRemotes(urls: RuntimeConfig['remotes']): void {
  const remotes = DEPARTMENT_REMOTES.map((remote) => ({ name: remote.containerName, entry: urls[remote.key] }));
  for (const remote of remotes) manifestUrls.set(remote.name, remote.entry);
  registerRemotes(remotes);
}

/**
 * Loads a department's `./InspectionTab` at run time.
 * @param remote - which department
 * @param fresh - register the remote again first: the runtime caches a failed manifest or entry, so a
 *   retry after the remote's server came back must drop that cache
 */
export async function loadInspectionTab(remote: DepartmentRemote, fresh: boolean): Promise<ComponentType<InspectionTabProps>> {
  const entry = manifestUrls.get(remote.containerName);
  if (!entry) throw new Error(`remote ${remote.containerName} was not registered`);
  if (fresh) registerRemotes([{ name: remote.containerName, entry }], { force: true });
  const module = await loadRemote<InspectionTabModule>(`${remote.containerName}/InspectionTab`);
  if (typeof module?.InspectionTab !== 'function') {
    throw new Error(`${remote.containerName}/InspectionTab does not export an InspectionTab component`);
  }
  return module.InspectionTab;
}

/**
 * Loads a department's `./Workbench` at run time, like {@link loadInspectionTab}.
 * @param remote - which department
 * @param fresh - register the remote again first (a retry after a failed load)
 */
export async function loadWorkbench(remote: DepartmentRemote, fresh: boolean): Promise<ComponentType<WorkbenchProps>> {
  const entry = manifestUrls.get(remote.containerName);
  if (!entry) throw new Error(`remote ${remote.containerName} was not registered`);
  if (fresh) registerRemotes([{ name: remote.containerName, entry }], { force: true });
  const module = await loadRemote<WorkbenchModule>(`${remote.containerName}/Workbench`);
  if (typeof module?.Workbench !== 'function') {
    throw new Error(`${remote.containerName}/Workbench does not export a Workbench component`);
  }
  return module.Workbench;
}

/**
 * Loads a department's `./CheckItems` (检查事项 of a plan) at run time, like {@link loadInspectionTab}.
 * @param remote - which department
 * @param fresh - register the remote again first (a retry after a failed load)
 */
export async function loadCheckItems(remote: DepartmentRemote, fresh: boolean): Promise<ComponentType<CheckItemsProps>> {
  const entry = manifestUrls.get(remote.containerName);
  if (!entry) throw new Error(`remote ${remote.containerName} was not registered`);
  if (fresh) registerRemotes([{ name: remote.containerName, entry }], { force: true });
  const module = await loadRemote<CheckItemsModule>(`${remote.containerName}/CheckItems`);
  if (typeof module?.CheckItems !== 'function') {
    throw new Error(`${remote.containerName}/CheckItems does not export a CheckItems component`);
  }
  return module.CheckItems;
}

/** Props of a department's `./Briefing` (专项简报, R-REP-1). */
export interface BriefingProps {
  planId: string;
  canSubmit: boolean;
}

/**
 * Loads a department's `./Briefing` at run time, like {@link loadInspectionTab}.
 * @param remote - which department
 * @param fresh - register the remote again first (a retry after a failed load)
 */
export async function loadBriefing(remote: DepartmentRemote, fresh: boolean): Promise<ComponentType<BriefingProps>> {
  const entry = manifestUrls.get(remote.containerName);
  if (!entry) throw new Error(`remote ${remote.containerName} was not registered`);
  if (fresh) registerRemotes([{ name: remote.containerName, entry }], { force: true });
  const module = await loadRemote<{ Briefing?: ComponentType<BriefingProps> }>(`${remote.containerName}/Briefing`);
  if (typeof module?.Briefing !== 'function') throw new Error(`${remote.containerName}/Briefing does not export a Briefing component`);
  return module.Briefing;
}
