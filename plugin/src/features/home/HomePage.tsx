import { Body1, Button, Title2 } from '@fluentui/react-components';
import { saveSession } from '../../api/session.js';
import { useHost } from '../../host/HostProvider.js';
import { navigate } from '../../router.js';
import { EngagementList } from './EngagementList.js';
import { SignIn } from './SignIn.js';
import { useSession } from './useSession.js';

export function HomePage() {
  const host = useHost();
  const session = useSession();
  const signedIn = host.mode === 'teams' ? !host.teams?.isAnonymous || Boolean(session) : Boolean(session);
  return (
    <main style={{ padding: 20, maxWidth: 720, display: 'grid', gap: 16 }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Title2 as="h1">Convene</Title2>
        {session && host.mode === 'browser' && (
          <span>
            <Body1>Signed in as {session.user.displayName}</Body1>{' '}
            <Button size="small" onClick={() => saveSession(null)}>
              Sign out
            </Button>
          </span>
        )}
      </header>
      {signedIn ? (
        <EngagementList onOpen={(id) => navigate(`/e/${encodeURIComponent(id)}`)} />
      ) : host.mode === 'teams' ? (
        <Body1 as="p">You joined as a guest. Open the invitation link the Chair sent you to take part.</Body1>
      ) : (
        <SignIn />
      )}
    </main>
  );
}
