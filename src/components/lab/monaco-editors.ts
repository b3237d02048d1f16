// Upgrades the lab's plain textareas to Monaco. Loaded with import() after the page is usable; the
// textareas stay the source of truth for saving, so nothing depends on the editor having loaded.
import * as monaco from 'monaco-editor/editor/editor.api';
import './monaco-contribs.ts';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { getTypeScriptWorker, typescriptDefaults, ScriptTarget, ModuleKind, ModuleResolutionKind } from 'monaco-editor/languages/features/typescript/register';
import type { CompiledFile } from '../../labs/session-protocol.ts';
import { syntaxErrorText, withoutSourceMapComment } from '../../labs/transpile-module.ts';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { labEditorLibs } from '../../labs/editor-types/editor-libs.ts';
import { eventPatternJsonSchema, locatePatternPath } from '../../labs/pattern-json-schema.ts';
import type { LabFileSpec } from '../../labs/lab-types.ts';
import { EDITOR_TS_LIB } from '../../site/editor-ts-libs.ts';

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

export interface EditorSetup {
  host: HTMLElement;
  files: Record<string, string>;
  fileSpecs: LabFileSpec[];
  patternFiles: string[];
  onChange(path: string, text: string): void;
  /** The engine's validatePattern, for markers. */
  validatePattern(text: string): { path: string; message: string }[];
  /** Ctrl+Enter and Ctrl+Shift+Enter, which the editor would otherwise take as "insert a line". */
  onRun(): void;
  onCheck(): void;
}

export interface LabEditors {
  show(path: string): void;
  setValue(path: string, text: string): void;
  focus(): void;
  /** Puts the cursor (or a selection) at these character offsets of a file. */
  select(path: string, start: number, end: number): void;
  showDiff(host: HTMLElement, path: string, mine: string, solution: string): { dispose(): void };
  /** Compiles TypeScript files with the editor's own TypeScript worker (ES modules with source maps). */
  compile(paths: string[]): Promise<Record<string, CompiledFile>>;
  dispose(): void;
}

const uriFor = (path: string) => monaco.Uri.parse(`file:///lab/${path}`);
const languageFor = (path: string) => (path.endsWith('.json') ? 'json' : path.endsWith('.ts') ? 'typescript' : 'plaintext');
const darkTheme = () => document.documentElement.dataset.theme !== 'light';

export function createLabEditors(setup: EditorSetup): LabEditors {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [{ uri: 'https://eventbridge-course.example/schemas/event-pattern.json', fileMatch: setup.patternFiles.map((p) => uriFor(p).toString()), schema: eventPatternJsonSchema }],
  });
  typescriptDefaults.setCompilerOptions({
    // The runner runs what this worker emits (compile() below), so the emit options are the runner's own
    // (src/labs/transpile-module.ts), except the target: the runner runs in this same browser, so nothing is
    // down-levelled (Monaco names no ES2022 target). `.ts` imports rewritten to `.js`, source maps.
    target: ScriptTarget.ESNext,
    module: ModuleKind.ESNext,
    moduleResolution: ModuleResolutionKind.NodeJs,
    strict: true,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
    sourceMap: true,
    lib: [EDITOR_TS_LIB], // file names: these options go to the language service as is, not through tsconfig parsing
  });
  // Sync every lab file to the TypeScript worker, so `import type ... from './events.ts'` resolves even
  // before that tab was opened.
  typescriptDefaults.setEagerModelSync(true);
  // What a handler can import ('aws-lambda', '@aws-sdk/client-eventbridge') and its globals (console,
  // timers, process.env), replaced as a whole so that reopening the editor does not add them twice.
  typescriptDefaults.setExtraLibs(labEditorLibs);

  const models = new Map<string, monaco.editor.ITextModel>();
  for (const spec of setup.fileSpecs) {
    const model = monaco.editor.createModel(setup.files[spec.path] ?? '', languageFor(spec.path), uriFor(spec.path));
    models.set(spec.path, model);
    const validate = () => {
      if (!setup.patternFiles.includes(spec.path)) return;
      const text = model.getValue();
      let problems: { path: string; message: string }[] = [];
      try {
        JSON.parse(text);
        problems = setup.validatePattern(text);
      } catch {
        problems = []; // the JSON language already flags syntax errors
      }
      monaco.editor.setModelMarkers(
        model,
        'eventbridge',
        problems.map((p) => {
          const at = locatePatternPath(text, p.path);
          const s = model.getPositionAt(at.start);
          const e = model.getPositionAt(at.end);
          return { severity: monaco.MarkerSeverity.Error, message: `${p.path ? `${p.path}: ` : ''}${p.message}`, source: 'EventBridge', startLineNumber: s.lineNumber, startColumn: s.column, endLineNumber: e.lineNumber, endColumn: e.column };
        }),
      );
    };
    model.onDidChangeContent(() => {
      setup.onChange(spec.path, model.getValue());
      validate();
    });
    validate();
  }
  const first = setup.fileSpecs[0]?.path ?? '';
  const editor = monaco.editor.create(setup.host, {
    model: models.get(first) ?? null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    tabSize: 2,
    theme: darkTheme() ? 'vs-dark' : 'vs',
    readOnly: setup.fileSpecs[0]?.readonly ?? false,
    ariaLabel: `Editor: ${first}. Press Ctrl+M (Cmd+M on a Mac) to make Tab move focus out of the editor.`,
  });
  let diffs = 0;
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => setup.onRun());
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => setup.onCheck());
  return {
    async compile(paths) {
      const targets = paths.map((p) => [p, models.get(p)] as const).filter((x): x is readonly [string, monaco.editor.ITextModel] => x[1] !== undefined);
      const client = await (await getTypeScriptWorker())(...targets.map(([, m]) => m.uri));
      const out: Record<string, CompiledFile> = {};
      for (const [path, model] of targets) {
        const uri = model.uri.toString();
        const syntax = await client.getSyntacticDiagnostics(uri);
        const first = syntax[0];
        if (first) {
          const at = model.getPositionAt(first.start ?? 0);
          const text = typeof first.messageText === 'string' ? first.messageText : first.messageText.messageText;
          out[path] = { error: syntaxErrorText(path, { line: at.lineNumber, column: at.column }, text) };
          continue;
        }
        const emitted = (await client.getEmitOutput(uri)).outputFiles;
        const js = emitted.find((f) => f.name.endsWith('.js'))?.text;
        const map = emitted.find((f) => f.name.endsWith('.js.map'))?.text;
        if (js === undefined) continue; // not emitted: the lab worker compiles it itself
        out[path] = { js: withoutSourceMapComment(js), ...(map ? { map } : {}) };
      }
      return out;
    },
    show(path) {
      const model = models.get(path);
      if (!model) return;
      editor.setModel(model);
      editor.updateOptions({ readOnly: setup.fileSpecs.find((f) => f.path === path)?.readonly ?? false, ariaLabel: `Editor: ${path}. Press Ctrl+M (Cmd+M on a Mac) to make Tab move focus out of the editor.` });
    },
    setValue(path, text) {
      const model = models.get(path);
      if (model && model.getValue() !== text) model.setValue(text);
    },
    focus: () => editor.focus(),
    select(path, start, end) {
      const model = models.get(path);
      if (!model || editor.getModel() !== model) return;
      const a = model.getPositionAt(start);
      const b = model.getPositionAt(end);
      editor.setSelection(new monaco.Selection(a.lineNumber, a.column, b.lineNumber, b.column));
      editor.revealPositionInCenterIfOutsideViewport(b);
    },
    showDiff(host, path, mine, solution) {
      // Named file:/// models: the TypeScript worker cannot resolve Monaco's default inmemory:// names
      // ("Could not find source file").
      diffs++;
      const original = monaco.editor.createModel(mine, languageFor(path), monaco.Uri.parse(`file:///diff/${diffs}/mine/${path}`));
      const modified = monaco.editor.createModel(solution, languageFor(path), monaco.Uri.parse(`file:///diff/${diffs}/solution/${path}`));
      const diff = monaco.editor.createDiffEditor(host, { readOnly: true, originalEditable: false, automaticLayout: true, renderSideBySide: host.clientWidth > 700, minimap: { enabled: false }, theme: darkTheme() ? 'vs-dark' : 'vs' });
      diff.setModel({ original, modified });
      return {
        dispose() {
          diff.dispose();
          original.dispose();
          modified.dispose();
        },
      };
    },
    dispose() {
      editor.dispose();
      for (const m of models.values()) m.dispose();
    },
  };
}
