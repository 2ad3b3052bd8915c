// The exchange's one active part, for nginx's njs (Debian libnginx-mod-http-js 0.7.9): PUT of a
// new file. Everything else (GET, listings) is nginx's static file serving.
//
// Why njs and not nginx's dav module: dav checks that a name is free and then writes, so two
// concurrent PUTs of one new name could both succeed and the later one overwrite the earlier.
// Here a writer first takes `.<name>.lock` with an exclusive create (O_EXCL, flag 'wx'), which
// exactly one request wins; it then checks the name is still free, writes a temporary file and
// renames it into place, so a reader never sees half a file and a name once written never
// changes. Files starting with '.' are never listed or served (nginx.conf.in).
//
// Only the names the protocol defines are accepted (docs/PROTOCOL.md §8, §9): nothing else can
// be stored, so the exchange can never be made to hold a page, a script or an image.
import fs from 'fs';

const ORG = '(?:nation|support|[a-z]+_[A-Za-z0-9]{1,38})';
const HEX16 = '[0-9a-f]{16}';
const BUNDLE = '[0-9]{10}-[0-9a-f]{64}\\.json';
const NAMES = new RegExp('^(?:deployment\\.json' +
  '|directory/enrolment/[0-9a-f]{64}\\.json' +
  '|feeds/' + ORG + '/' + HEX16 + '/' + BUNDLE +
  '|(?:inbox|news)/' + ORG + '/[0-9]{4}-[0-9]{2}-[0-9]{2}/' + ORG + '\\.' + HEX16 + '\\.' + BUNDLE +
  '|packs/' + ORG + '/[0-9]{4}-[0-9]{2}-[0-9]{2}/' + ORG + '\\.' + HEX16 + '\\.[0-9a-f]{64}\\.pack(?:\\.gz)?' + ')$');

// A lock older than this belongs to a writer that died between taking it and renaming its file:
// the name is still free, so a later writer may take the lock over.
const STALE_LOCK_MS = 60000;

function exists(path) {
  try { fs.accessSync(path); return true; } catch (e) { return false; }
}

function takeLock(lock) {
  try {
    fs.writeFileSync(lock, String(Date.now()), { flag: 'wx' });
    return true;
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
  }
  // An empty lock is one being written right now (the exclusive create comes before its time).
  var since = Number(fs.readFileSync(lock, 'utf8'));
  if (!(since > 0) || !(Date.now() - since > STALE_LOCK_MS)) return false;
  // Renaming the stale lock away is itself atomic: of two writers taking it over, one wins.
  var aside = lock + '.stale.' + Math.random().toString(36).slice(2);
  try { fs.renameSync(lock, aside); } catch (e) { return false; }
  fs.unlinkSync(aside);
  try {
    fs.writeFileSync(lock, String(Date.now()), { flag: 'wx' });
    return true;
  } catch (e) {
    return false;
  }
}

function put(r) {
  var name = r.uri.replace(/^\/\.put\//, '');
  if (!NAMES.test(name)) {
    r.return(403, 'not a name of the exchange protocol\n');
    return;
  }
  var origin = r.headersIn.Origin;
  if (origin !== undefined && r.variables.exchange_cors_origin === '') {
    r.return(403, 'origin not allowed\n');
    return;
  }
  var body = r.requestBuffer;
  if (body === undefined) {
    // Bodies are kept in memory (client_body_buffer_size = client_max_body_size), so this is
    // only an empty PUT.
    body = '';
  }
  var root = r.variables.exchange_root;
  var path = root + '/' + name;
  var slash = path.lastIndexOf('/');
  var dir = path.slice(0, slash), base = path.slice(slash + 1);
  var lock = dir + '/.' + base + '.lock';
  var tmp = dir + '/.' + base + '.tmp';
  var locked = false;
  try {
    if (exists(path)) { r.return(409, 'exists\n'); return; }
    fs.mkdirSync(dir, { recursive: true });
    // Losing the lock means another writer is storing this name right now: like an existing
    // name, it counts as written (the writer's read-back finds the file once it is in place).
    if (!takeLock(lock)) { r.return(409, 'exists\n'); return; }
    locked = true;
    if (exists(path)) { r.return(409, 'exists\n'); return; }
    fs.writeFileSync(tmp, body);
    fs.renameSync(tmp, path);
  } catch (e) {
    r.error('exchange put ' + name + ': ' + e);
    try { fs.unlinkSync(tmp); } catch (e2) { /* never written */ }
    r.return(500, 'could not store\n');
    return;
  } finally {
    if (locked) { try { fs.unlinkSync(lock); } catch (e3) { /* already gone */ } }
  }
  r.return(201, '');
}

export default { put };
