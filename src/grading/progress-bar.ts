// A one-line progress bar on a terminal; plain "graded N of M" lines otherwise (CI logs, pipes).
export function progressBar(stream: { isTTY?: boolean; write(s: string): unknown }, label = 'grading') {
  let lastPlain = -1;
  return (done: number, total: number) => {
    if (stream.isTTY) {
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : width;
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
    } else if (done === total || Math.floor((done / total) * 10) !== lastPlain) {
      lastPlain = Math.floor((done / total) * 10);
      stream.write(`${label}: ${done} of ${total} labs re-run\n`);
    }
  };
}
