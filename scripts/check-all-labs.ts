// CI's lab gate: for every lab, the solution must pass every check and the starter must fail at least one.
import { spawnSync } from 'node:child_process';

function lab(args: string[]) {
  return spawnSync(process.execPath, ['src/cli/lab.ts', ...args], { encoding: 'utf8' });
}

const list = lab(['list', '--json']);
if (list.status !== 0) {
  console.error(`lab list failed:\n${list.stderr}`);
  process.exit(1);
}
const labs = JSON.parse(list.stdout) as { id: string; title: string }[];
if (labs.length === 0) {
  console.error('No labs found under labs/.');
  process.exit(1);
}
let problems = 0;
for (const { id, title } of labs) {
  const solution = lab(['check', id, '--solution']);
  const starter = lab(['check', id, '--starter']);
  const solutionOk = solution.status === 0;
  const starterFails = starter.status === 1;
  console.log(`${solutionOk && starterFails ? '✓' : '✗'} ${id} (${title}): solution ${solutionOk ? 'passes' : 'FAILS'}, starter ${starterFails ? 'fails as it should' : `exit ${starter.status}`}`);
  if (!solutionOk) console.log(solution.stdout + solution.stderr);
  if (!starterFails) console.log(starter.stdout + starter.stderr);
  if (!solutionOk || !starterFails) problems++;
}
console.log(`labs: ${labs.length - problems} passed, ${problems} failed`);
process.exit(problems ? 1 : 0);
