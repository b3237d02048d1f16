// Stacks as stored and journaled: status, template, parameters, resources, events and change sets.

export interface StackResourceRecord {
  logicalId: string;
  type: string;
  physicalId?: string;
  ref?: string;
  attributes: Record<string, string>;
  /** Properties as evaluated when the resource was last created or updated (compared on update). */
  props: Record<string, unknown>;
  status: string;
  reason?: string;
  timestamp: number;
}

export interface StackEvent {
  EventId: string;
  StackId: string;
  StackName: string;
  LogicalResourceId: string;
  PhysicalResourceId: string;
  ResourceType: string;
  Timestamp: number;
  ResourceStatus: string;
  ResourceStatusReason?: string;
}

export interface ResourceChange {
  Action: 'Add' | 'Modify' | 'Remove';
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  ResourceType: string;
  Replacement?: 'True' | 'False';
}

export interface ChangeSetRecord {
  id: string;
  name: string;
  type: 'CREATE' | 'UPDATE';
  templateBody: string;
  parameters: Record<string, string>;
  capabilities: string[];
  status: 'CREATE_COMPLETE' | 'FAILED' | 'DELETE_COMPLETE';
  executionStatus: 'AVAILABLE' | 'UNAVAILABLE' | 'EXECUTE_COMPLETE' | 'OBSOLETE';
  statusReason?: string;
  changes: ResourceChange[];
  created: number;
  description?: string;
}

export interface StackOutput {
  OutputKey: string;
  OutputValue: string;
  Description?: string;
  ExportName?: string;
}

export interface StackRecord {
  id: string;
  name: string;
  region: string;
  status: string;
  reason?: string;
  templateBody: string;
  parameters: Record<string, string>;
  capabilities: string[];
  disableRollback: boolean;
  created: number;
  updated?: number;
  deleted?: number;
  description?: string;
  outputs: StackOutput[];
  /** In creation order: deletion walks it backwards. */
  resources: StackResourceRecord[];
  events: StackEvent[];
  changeSets: ChangeSetRecord[];
  tags: { Key: string; Value: string }[];
}

export type CfnJournalEntry = { kind: 'put-stack'; stack: StackRecord };

/** Statuses in which a stack is busy: another operation is refused. */
export const IN_PROGRESS = /_IN_PROGRESS$/;
