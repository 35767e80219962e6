import { loadSession } from '../api/session.js';
import { isTeamsHint } from '../host/hostMode.js';
import { openStreamEarly } from './earlyStream.js';
import { matchRoute } from '../router.js';

// A first load of an engagement asks for its stream before anything else (issue 3): main.tsx imports this
// module first, so the request leaves before React and Fluent are evaluated, and the page's title can show
// as soon as the snapshot comes. Only in a browser with a session: inside Teams the token comes from SSO,
// which is not wired yet here.
const route = matchRoute(window.location.pathname);
if (route.name === 'engagement') {
  const token = isTeamsHint() ? null : loadSession()?.token;
  if (token) openStreamEarly(route.engagementId, token);
}
