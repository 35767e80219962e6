import { Body1, Link, Subtitle2, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { usePageTitle } from '../../components/usePageTitle.js';

// The privacy statement and terms of use that the Teams app package links to (manifest developer URLs).
// They open without signing in and say plainly what Convene keeps, who sees it, and for how long.

const useStyles = makeStyles({
  page: { maxWidth: '46rem', margin: '0 auto', padding: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalM },
});

// The titles and links follow the tab's language; the statement itself is English only (marked lang="en"),
// as a legal text is only binding in the version the host organisation issued.
function Privacy() {
  const layout = useLayoutStyles();
  return (
    <div lang="en" className={layout.stackWide}>
      <Body1>
        Convene is run by the organisation that hosts it (usually the Chair's secretariat). That organisation decides why and how your
        information is used; this page says what the software keeps.
      </Body1>
      <Subtitle2 as="h2">What is kept</Subtitle2>
      <Body1>
        For each engagement: your display name and sign-in identifier (your Microsoft Entra tenant and object id, or an invitation you
        redeemed), the organisation, constituency, region, country and accreditation you registered with; your requests to speak (with their
        notes), when you were given the floor and for how long; written inputs and the files you attach; objections recorded by delegations;
        notes taken by the Chair's team; breakout room assignments, attendance and rapporteur reports; and the Chair's summary with its
        versions and correction requests.
      </Body1>
      <Subtitle2 as="h2">Who sees it</Subtitle2>
      <Body1>
        What each person sees depends on their role: the Chair and secretariat see everything; participants see the speakers list, public
        notes and written inputs; notes marked for the secretariat, the notes on requests to speak, objections and attendance stay with the
        Chair's team (an objection is also seen by the delegation that made it). Published summaries do not attribute views to named
        participants unless the Chair adds an attributive annex.
      </Body1>
      <Subtitle2 as="h2">Where, and for how long</Subtitle2>
      <Body1>
        Everything is stored on the host organisation's own server, as a history of the engagement that is not rewritten. Breakout audio and
        video go through the LiveKit media server the host configures; Convene's server never carries media and records neither audio nor
        video. Convene sets no cookies, uses no analytics and shares nothing with third parties. The host decides how long records are kept;
        Convene has no self-service deletion yet, so ask the host's secretariat to remove an engagement's records.
      </Body1>
    </div>
  );
}

function Terms() {
  const layout = useLayoutStyles();
  return (
    <div lang="en" className={layout.stackWide}>
      <Body1>
        Convene is for preparing and running informal engagements between a Chair, stakeholders and delegations. Use it in good faith, for
        the engagement you were invited to, under the rules the Chair sets for it.
      </Body1>
      <Body1>
        What you submit (requests to speak, written inputs, attachments, corrections) is shared with the engagement's participants as the
        privacy statement describes, and may be reflected in the Chair's summary, which is issued under the Chair's own responsibility. Do
        not upload material you may not share.
      </Body1>
      <Body1>
        The software is provided as it is, by the organisation that hosts it; that organisation answers questions about an engagement and
        its records.
      </Body1>
    </div>
  );
}

export default function LegalPage({ page }: { page: 'privacy' | 'terms' }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  usePageTitle(t(page === 'privacy' ? 'a11y.title.privacy' : 'a11y.title.terms'));
  return (
    <main className={styles.page}>
      <Title2 as="h1">{t(page === 'privacy' ? 'legal.privacyTitle' : 'legal.termsTitle')}</Title2>
      {i18n.language !== 'en' && <Body1>{t('legal.englishOnly')}</Body1>}
      {page === 'privacy' ? <Privacy /> : <Terms />}
      <Body1>
        <Link href={page === 'privacy' ? '/terms' : '/privacy'}>{t(page === 'privacy' ? 'legal.termsLink' : 'legal.privacyLink')}</Link>
      </Body1>
    </main>
  );
}
