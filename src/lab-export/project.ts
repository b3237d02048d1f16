// The standalone project a lab exports to: the same files whether `npm run lab -- export` writes them or
// the lab page zips them in the browser. Pure: no Node or DOM API; the caller passes the compiler and the
// text of the tool files.
import pkg from '../../package.json' with { type: 'json' };
import type { LabDefinition, LabFiles } from '../labs/lab-types.ts';
import type { Transpile } from './commonjs.ts';
import { bundleLabModules, CALL_MARK, EMIT_MARK, FAIL_MARK, LOOP_MARK, ROOT_FIELD, recorderCode, wrapperCode } from './function-code.ts';
import { PROJECT_LAYOUT } from './project-layout.ts';
import { functionNames, logGroupNames, templateYaml } from './template.ts';
import { projectReadme } from './project-readme.ts';

export interface ExportInput {
  labId: string;
  title: string;
  definition: LabDefinition;
  /** The learner's files (starter, solution or their own work laid over the starter). */
  files: LabFiles;
  /** The lab's checks.ts, when it has custom checks. */
  customChecks?: string;
  /** Text of the tool files, by path inside the project (see TOOL_FILES). */
  tools: Record<string, string>;
  transpile: Transpile;
}

/** Repository files the project carries, by project path -> repository path (same relative layout). */
export const TOOL_FILES: Record<string, string> = {
  'tools/lab-export/course-aws.ts': 'src/lab-export/course-aws.ts',
  'tools/lab-export/project-layout.ts': 'src/lab-export/project-layout.ts',
  'tools/lab-export/script-on-aws.ts': 'src/lab-export/script-on-aws.ts',
  'tools/labs/partial-match.ts': 'src/labs/partial-match.ts',
  'tools/labs/script-call-judges.ts': 'src/labs/script-call-judges.ts',
};

const SDK_PACKAGES = ['@aws-sdk/client-cloudformation', '@aws-sdk/client-cloudwatch-logs', '@aws-sdk/client-eventbridge', '@aws-sdk/client-iam', '@aws-sdk/client-lambda', '@aws-sdk/client-sqs', '@aws-sdk/client-sts'];

function exactVersion(name: string): string {
  const all: Record<string, string> = { ...pkg.dependencies, ...pkg.devDependencies };
  const v = all[name];
  if (!v) throw new Error(`package.json pins no version of ${name}`);
  return v;
}

export function projectPackageJson(labId: string): string {
  const deps = Object.fromEntries([...SDK_PACKAGES, 'yaml'].map((n) => [n, exactVersion(n)]));
  const tool = 'node tools/lab-export/course-aws.ts';
  return `${JSON.stringify({
    name: `course-${labId}`,
    version: '1.0.0',
    private: true,
    type: 'module',
    description: `Lab ${labId} of the event-driven serverless course, ready to deploy to your own AWS account.`,
    // Type stripping without a flag: Node 22.18 or later.
    engines: { node: '>=22.18.0' },
    scripts: { deploy: `${tool} deploy`, verify: `${tool} verify`, destroy: `${tool} destroy` },
    dependencies: deps,
  }, null, 2)}\n`;
}

export async function buildProject(input: ExportInput): Promise<Record<string, string>> {
  const { labId, definition: def, files } = input;
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) out[`${PROJECT_LAYOUT.lab}/${path}`] = text;
  for (const [name, event] of Object.entries(def.events)) out[`events/${name}.json`] = `${JSON.stringify(event, null, 2)}\n`;
  const code: Record<string, string> = {};
  for (const fn of functionNames(def)) {
    const spec = def.bus.functions?.[fn];
    if (!spec) {
      code[fn] = recorderCode();
      continue;
    }
    const source = files[spec.file];
    if (source === undefined) throw new Error(`The function ${fn} needs the file ${spec.file}, which is missing.`);
    const js = await input.transpile(spec.file, source);
    code[fn] = wrapperCode(js, spec.export ?? 'handler', `${PROJECT_LAYOUT.lab}/${spec.file}`, await bundleLabModules(spec.file, js, files, input.transpile));
  }
  out[PROJECT_LAYOUT.template] = templateYaml({ labId, definition: def, files, code });
  out[PROJECT_LAYOUT.definition] = `${JSON.stringify(def, null, 2)}\n`;
  if (input.customChecks !== undefined) out[PROJECT_LAYOUT.customChecks] = input.customChecks;
  const meta = { labId, marks: { call: CALL_MARK, emit: EMIT_MARK, loop: LOOP_MARK, fail: FAIL_MARK, root: ROOT_FIELD }, functionNames: functionNames(def), logGroups: logGroupNames(def) };
  out[PROJECT_LAYOUT.meta] = `${JSON.stringify(meta, null, 2)}\n`;
  for (const path of Object.keys(TOOL_FILES)) {
    const text = input.tools[path];
    if (text === undefined) throw new Error(`The tool file ${path} was not given.`);
    out[path] = text;
  }
  out['package.json'] = projectPackageJson(labId);
  out['README.md'] = projectReadme(labId, input.title, def);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
