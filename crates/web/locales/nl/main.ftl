# Interface texts of Routewijzer, Dutch (B1). Content (steps, articles, ...) lives in content/.

## Site
site-name = Routewijzer passend onderwijs
site-tagline = Uw weg als het op school vastloopt
skip-link = Naar de inhoud
nav-label = Hoofdmenu
nav-start = Start
nav-knowledge = Uitleg
nav-glossary = Begrippen
nav-search = Zoeken
lang-switch = English
lang-switch-label = Read this page in English
footer-privacy = Wij bewaren uw antwoorden alleen tijdens uw bezoek, tot 20 uur nadat u voor het laatst iets deed. Daarna zijn ze weg.
footer-not-advice = Routewijzer geeft uitleg en geen juridisch advies. Twijfelt u? Vraag hulp, bijvoorbeeld bij Onderwijsconsulenten of een ouder- en jeugdsteunpunt.
restart = Opnieuw beginnen
restart-title = Opnieuw beginnen?
restart-lead = Als u opnieuw begint, wissen we al uw antwoorden. Dat kunt u niet terugdraaien. Hebt u een dossier? Dat blijft bewaard, met de antwoorden die erin staan.
restart-keep = Wilt u uw antwoorden bewaren? Download ze dan eerst als bestand.
restart-keep-link = Naar uw antwoorden als bestand
restart-confirm = Ja, wis alles en begin opnieuw
restart-cancel = Nee, ga terug
back = Terug

## Start page
start-title = Welke stap zet u nu?
start-lead = Loopt het op school vast voor uw kind? Bijvoorbeeld omdat uw kind niet de hulp krijgt die het nodig heeft, of thuis zit? Routewijzer laat zien welke stap u nu kunt zetten.
start-what-title = Wat u krijgt
start-what-1 = De stap die u nu kunt zetten, en wat daarna kan komen.
start-what-2 = Wie u kan helpen, wat u moet voorbereiden, en wat elke stap wel en niet kan bereiken.
start-what-3 = Waarschuwingen en termijnen, met de datum waarop iets uiterlijk moet.
start-what-4 = Bij elk advies: waarom u het krijgt en waar het staat.
start-time-title = Hoe lang duurt het?
start-time = U beantwoordt ongeveer 12 tot 20 korte vragen. Dat duurt ongeveer 10 minuten.
start-privacy-title = Wat gebeurt er met uw antwoorden?
start-privacy = U hoeft geen account te maken. Wij bewaren uw antwoorden alleen tijdens uw bezoek. Als u 20 uur niets doet, zijn ze weg. Wilt u later verder? Dan kunt u uw antwoorden als bestand opslaan op uw eigen computer of telefoon.
start-button = Start
start-continue = Verder met uw vragen
start-load = Hebt u eerder uw antwoorden opgeslagen? Open dan uw antwoordenbestand.

## Dates as people type them: every date field reads 1-3-2027, 1 maart 2027, 1/3/27 and 2027-03-01
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
date-error-in-field = { $field }: { $reason }
date-error-empty = Vul een datum in, bijvoorbeeld 14-10-2026.
date-error-no-year = Wij lezen { $day } { $month }, maar het jaar ontbreekt. Zet het jaar erachter, bijvoorbeeld { $day }-{ $mm }-2026.
date-error-no-day = Wij lezen { $month } { $year }, maar de dag ontbreekt. Zet de dag ervoor, bijvoorbeeld 1-{ $mm }-{ $year }.
date-error-no-such-day = { $day } { $month } { $year } bestaat niet. Die maand heeft { $days } dagen.
date-error-no-such-day-no-year = { $day } { $month } bestaat niet. Die maand heeft hoogstens { $days } dagen.
date-error-no-such-month = Er is geen maand { $month }. Schrijf eerst de dag en dan de maand, bijvoorbeeld 14-10-2026 voor 14 oktober 2026.
date-error-unknown-month = "{ $name }" is geen maand die wij kennen. Schrijf de maand voluit of als getal, bijvoorbeeld 14 oktober 2026 of 14-10-2026.
date-error-year = Het jaar { $year } kan niet kloppen. Schrijf het jaar met vier cijfers, bijvoorbeeld 2026.
date-error-not-a-date = Wij kunnen dit niet lezen als datum. Schrijf de dag, de maand en het jaar, bijvoorbeeld 14-10-2026 of 14 oktober 2026.

## Questions
question-continue = Verder
question-save-check = Opslaan en terug naar het overzicht
question-skip = Weet ik niet / overslaan
question-or = of
question-date-hint = Bijvoorbeeld 15 3 2027
date-day = Dag
date-month = Maand
date-year = Jaar
error-summary-title = Er is een probleem
error-prefix = Fout:
error-choose-one = Kies een antwoord.
error-choose-some = Kies minstens één antwoord.
error-choose-alone = Kies “{ $option }” alleen, of haal dat vinkje weg.
error-number = Vul een getal in, bijvoorbeeld 6.
error-number-range = Vul een getal in van { $min } tot en met { $max }.
error-number-min = Vul een getal in van { $min } of meer.
error-number-max = Vul een getal in van { $max } of minder.
error-date-empty = Vul een datum in, bijvoorbeeld 15 3 2027.
error-date = Vul een geldige datum in, bijvoorbeeld 15 3 2027.
error-not-allowed = Dit antwoord kunnen we niet gebruiken. Kies een van de antwoorden.
answer-yes = Ja
answer-no = Nee
answer-skipped = Weet ik niet
answer-none = (niets gekozen)

## Region
region-title = In welke regio woont u?
region-hint = Nederland heeft drie regio's voor de schoolvakanties. De regio staat in de schoolgids. Wij vragen het omdat termijnen soms in een schoolvakantie vallen, en die verschilt per regio.
region-noord = Regio noord
region-midden = Regio midden
region-zuid = Regio zuid
region-label = Regio voor de schoolvakanties

## Check your answers
check-title = Kloppen uw antwoorden?
check-lead = Controleer uw antwoorden. Klopt er iets niet? Kies dan "Wijzigen".
check-change = Wijzigen
check-change-label = Wijzigen: { $question }
check-submit = Bekijk uw route
check-save = Antwoorden opslaan als bestand

## Route page
route-title = Uw route
route-lead = Dit is het advies bij uw antwoorden van { $date }.
route-region = Schoolvakanties van regio { $region }.
route-summer = De zomervakantie in regio { $region } begint op { $date }.
route-actions = Wat u met deze route kunt doen
route-change = Antwoorden wijzigen
route-ics = Termijnen in uw agenda zetten (bestand)
route-save = Antwoorden opslaan als bestand
route-print = Tip: u kunt deze pagina afdrukken. Alle stappen staan dan open op papier.
route-now = Nu aan de beurt
route-next = Daarna
route-later = Later, of als dat niet helpt
route-done = Al gedaan
route-not-applicable = Nu niet aan de orde
route-not-applicable-lead = Deze stappen passen nu niet bij uw situatie. Bij elke stap staat waarom.
route-now-how = Hoe wordt deze termijn berekend?
route-now-start-unknown = Wij weten nog niet wanneer deze termijn begon.
route-now-fill-date = Weet u de datum? Vul hem in, dan rekenen we de termijn uit.
route-now-no-term = Bij deze stap hoort geen termijn die we kunnen uitrekenen.
route-now-bring = Wat u meeneemt of opstuurt
route-now-letter = Maak de brief: { $title }
route-now-more = Meer over deze stap: wie helpt, wat het kan en waarom
route-now-more-warnings = { $count ->
    [one] Er is nog 1 waarschuwing. Lees die bij Alle waarschuwingen en bronnen.
   *[other] Er zijn nog { $count } waarschuwingen. Lees die bij Alle waarschuwingen en bronnen.
}
route-later-show = { $count ->
    [one] Toon 1 stap voor later
   *[other] Toon { $count } stappen voor later
}
route-done-show = { $count ->
    [one] Toon 1 stap die al gedaan is
   *[other] Toon { $count } stappen die al gedaan zijn
}
route-not-applicable-show = { $count ->
    [one] Toon 1 stap die nu niet past
   *[other] Toon { $count } stappen die nu niet passen
}
route-deadlines-how = Wat de termijnen betekenen en hoe ze berekend zijn
route-sources = Alle bronnen
route-why-more = Uw antwoorden en de bronnen bij deze redenen
route-why-all = Waarom dit advies: uw antwoorden en de bronnen
route-all = Alle waarschuwingen en bronnen
route-all-show = { $count ->
    [one] Lees de waarschuwing in zijn geheel, met waarom en bronnen
   *[other] Lees alle { $count } waarschuwingen, met waarom en bronnen
}
route-why-title = Waarom dit advies: waarschuwingen, redenen en bronnen
route-why-back = Terug naar uw route
route-why-warnings = Alle waarschuwingen
route-deadlines = Termijnen
route-letters = Brieven die kunnen helpen
route-articles = Meer uitleg
route-notes = Wat we niet konden uitrekenen
status-current = Nu aan de beurt
status-next = Daarna
status-later = Misschien later
status-done = Gedaan
status-not-applicable = Nu niet aan de orde
step-who = Wie
step-prepare = Wat u voorbereidt
step-can = Wat deze stap kan bereiken
step-cannot = Wat deze stap niet kan
step-why = Waarom dit advies?
step-sources = Bronnen
step-more = Meer over deze stap
why-answers = Uw antwoorden die hierbij horen:
why-derived = Berekend uit uw antwoorden
why-first-advised = Geen andere stap is nu aan de beurt. Dit is de eerste stap die wij u aanraden.
why-fallback = Uit uw antwoorden volgt geen andere stap. Daarom begint de route hier.
why-default = Deze stap komt pas aan de orde als eerdere stappen niet helpen.
confidence-m = niet gecontroleerd
confidence-c = bronnen spreken elkaar tegen
confidence-m-long = Let op: dit is niet gecontroleerd in een officiële bron.
confidence-c-long = Let op: bronnen spreken elkaar hierover tegen.
source-checked = gecontroleerd op { $date }
deadline-by = Uiterlijk { $date }
deadline-start = Begint op: { $event }
deadline-how = Hoe berekend
deadline-in-holiday = Deze datum valt in de { $holiday }. Termijnen lopen door in de vakantie, en commissies en rechters wachten er niet op: regel het vóór de vakantie.
deadline-holiday-uncertain = Deze vakantiedata zijn niet zeker: { $note }
deadline-length = Termijn: { $length }
deadline-extension = Verlenging
nodate-start-unknown = Wij weten de begindatum niet. De termijn begint: { $event }.
nodate-uncertain = Deze termijn is niet zeker genoeg om een datum te noemen. Vraag het na.
nodate-suspended = Deze termijn staat stil. Hij loopt weer als de procedure klaar is.
nodate-calendar = Wij konden geen datum uitrekenen: { $detail }
unit-days = { $n } dagen
unit-weeks = { $n } weken
unit-months = { $n } maanden
unit-working-days = { $n } werkdagen
unit-school-weeks = { $n } schoolweken
route-incomplete = U hebt nog niet alle vragen beantwoord.

## Answers file
answers-title = Antwoorden opslaan of openen
answers-lead = U kunt uw antwoorden als bestand opslaan op uw eigen computer of telefoon. Wij bewaren dat bestand niet. Later opent u het hier weer, en gaat u verder waar u was.
answers-download-title = Opslaan
answers-download = Download uw antwoorden
answers-download-none = U hebt nog geen antwoorden gegeven.
answers-upload-title = Openen
answers-upload-label = Kies uw antwoordenbestand
answers-upload-hint = Het bestand heet meestal routewijzer-antwoorden.json.
answers-upload-button = Open antwoorden
answers-error-empty = Kies een bestand.
answers-error-not-ours = Dit bestand kunnen we niet lezen. Kies het bestand dat u eerder bij Routewijzer hebt opgeslagen.
answers-error-question = Het antwoord op de vraag "{ $question }" in dit bestand kunnen we niet gebruiken. Misschien is de vraag veranderd. Begin opnieuw, of kies een ander bestand.
answers-error-too-big = Dit bestand is te groot. Een antwoordenbestand is kleiner dan 256 kB.
answers-privacy = Het bestand bevat uw antwoorden. Bewaar het goed en deel het alleen met mensen die u vertrouwt.

## Knowledge
knowledge-title = Uitleg
knowledge-lead = Hier leest u meer over de stappen, de organisaties en de regels.
knowledge-steps = De stappen van de route
knowledge-side-steps = Andere wegen
knowledge-organisations = Organisaties
knowledge-articles = Artikelen
knowledge-level = Niveau { $level }
org-does = Wat zij doen
org-enforce = Wat zij kunnen afdwingen
org-can-enforce = Deze organisatie kan een besluit afdwingen.
org-cannot-enforce = Deze organisatie kan niets afdwingen. Zij geeft advies of bemiddelt.
org-cost = Kosten
org-conditions = Voorwaarden
org-website = Website
org-phone = Telefoon
article-sources = Bronnen
step-page-who = Wie helpt bij deze stap
glossary-title = Begrippen
glossary-from-english = Van Engels naar Nederlands
glossary-from-english-lead = Kent u een woord in het Engels? Zoek het hier op en zie hoe het in het Nederlands heet.
glossary-lead = Wat betekenen de woorden en afkortingen die u tegenkomt?
glossary-more = Lees meer

## Search
search-title = Zoeken
search-label = Zoek in de uitleg
search-button = Zoeken
search-results = { $count ->
    [0] Geen resultaten voor "{ $query }".
    [one] 1 resultaat voor "{ $query }"
   *[other] { $count } resultaten voor "{ $query }"
}
search-none-hint = Probeer een ander woord, bijvoorbeeld "thuiszitter", "vrijstelling" of "samenwerkingsverband".
kind-step = Stap
kind-organisation = Organisatie
kind-article = Artikel
kind-glossary = Begrip

## Errors
error-404-title = Deze pagina bestaat niet
error-404 = Misschien is de link oud. Ga naar de startpagina.
error-403-title = Dit formulier is verlopen
error-403 = Uw formulier kon niet worden verwerkt, omdat het te oud is of uw sessie is verlopen. Ga terug, laad de pagina opnieuw en probeer het nog eens.
error-413-title = Te veel tekst of een te groot bestand
error-413 = Wat u stuurde is te groot. Een formulier mag niet groter zijn dan 64 kB, een antwoordenbestand niet groter dan 256 kB.
error-500-title = Er ging iets mis
error-500 = Er ging bij ons iets mis. Probeer het later opnieuw.
error-home = Naar de startpagina
error-unreadable-title = Dit dossier kan nu niet worden geopend
error-unreadable = Een deel van de gegevens van dit dossier kan nu niet worden gelezen. U hebt niets fout gedaan en er is niets gewist. De beheerder ziet in het logboek om welk dossier het gaat. Probeer het later opnieuw of neem contact op met de beheerder.

## Accounts
signup-title = Account maken
signup-lead = Met een account bewaart u uw dossier: uw antwoorden, de gebeurtenissen en de stukken. Alleen u ziet het, tot u iemand uitnodigt.
signup-password-hint = Minstens 10 tekens. Een zin van een paar woorden is goed te onthouden.
signup-password-again = Wachtwoord nog een keer
signup-save-intake = Bewaar mijn antwoorden in een nieuw dossier
signup-button = Maak account
signup-have-account = Hebt u al een account? Log in.
login-title = Inloggen
login-button = Log in
login-no-account = Nog geen account? Maak er een.
login-error-wrong = Het e-mailadres of het wachtwoord klopt niet.
login-error-throttled = Er is te vaak een verkeerd wachtwoord gegeven. Wacht een kwartier en probeer het dan opnieuw.
account-title = Uw account
account-email = E-mailadres
account-password = Wachtwoord
account-signed-in-as = U bent ingelogd als
account-error-email = Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.
account-error-short = Kies een wachtwoord van minstens { $min } tekens.
account-error-mismatch = De twee wachtwoorden zijn niet gelijk. Typ ze nog een keer.
account-error-taken = Er is al een account met dit e-mailadres. Log in met dat account.
logout-button = Log uit
logout-everywhere-title = Overal uitloggen
logout-everywhere-lead = Bent u ingelogd op een andere computer of telefoon? Hiermee logt u overal uit.
logout-everywhere-button = Log overal uit
account-delete-title = Account verwijderen
account-delete-lead = Uw account, uw dossiers en alle stukken worden meteen en voor altijd verwijderd. Download eerst uw dossiers als u ze wilt houden.
account-delete-confirm = Ja, verwijder mijn account en mijn dossiers
account-delete-button = Verwijder account
api-tokens-title = Sleutels voor koppelingen (API)
api-tokens-lead = Werkt u met een ander programma, zoals het systeem van uw steunpunt? Met een sleutel kan dat programma uw dossiers lezen via de API van Routewijzer. Met een sleutel om te schrijven kan het ook gebeurtenissen toevoegen. De sleutel is geheim: wie hem heeft, ziet uw dossiers. Geef hem alleen aan een programma dat u vertrouwt. Trek hem in als u hem niet meer gebruikt. Ontwikkelaars vinden de beschrijving van de API op /api/v1/openapi.json.
api-token-name = Naam van de sleutel
api-token-name-hint = Zodat u de sleutels uit elkaar houdt, bijvoorbeeld "Systeem steunpunt".
api-token-scope = Wat mag het programma?
api-token-scope-read = Alleen lezen
api-token-scope-write = Lezen en gebeurtenissen toevoegen
api-token-create = Maak een sleutel
api-token-new-title = Uw nieuwe sleutel
api-token-new-once = U ziet deze sleutel maar één keer. Kopieer hem nu naar het programma.
api-token-active = { $name } ({ $scope }), gemaakt op { $date }. Hij werkt.
api-token-revoked = { $name } ({ $scope }), gemaakt op { $date }, ingetrokken op { $revoked }. Hij werkt niet meer.
api-token-revoke = Trek in
api-token-error-name = Geef de sleutel een naam van hoogstens 100 tekens.
api-token-error-scope = Kies wat het programma mag: alleen lezen, of lezen en gebeurtenissen toevoegen.
role-owner = van u
role-read = u mag lezen
role-contribute = u mag aanvullen

## Case file
cases-title = Uw dossiers
cases-none = U hebt nog geen dossier.
cases-new-title = Nieuw dossier
cases-new-name = Naam van het dossier
cases-new-name-hint = Bijvoorbeeld de voornaam of roepnaam van uw kind.
cases-new-button = Maak dossier
case-default-title = Mijn dossier
case-title = Dossier
case-route-title = Uw route
advice-changed-title = Het advies is veranderd sinds { $date }
advice-changed-why = Wij hebben onze informatie verbeterd, bijvoorbeeld na een nieuwe wet of uitspraak. Daardoor is het advies voor dit dossier anders dan de vorige keer. Lees wat er veranderd is.
advice-changed-before = Eerder
versions-advice-title = Het advies door de tijd
versions-advice-lead = Elke keer dat het advies voor dit dossier veranderde, door nieuwe antwoorden of doordat wij onze informatie verbeterden. Het nieuwste staat bovenaan.
versions-advice-content = informatie van
advice-changed-now = Nu
advice-changed-step = Stap om nu te doen:
advice-changed-warnings = Let op:
advice-changed-confirm = Ik heb het nieuwe advies gelezen
case-route-none = Er zijn nog geen antwoorden in dit dossier. Doe de vragen en bewaar uw antwoorden hier.
case-todo-title = Wat u nu kunt doen
case-route-all = Alle stappen
case-save-answers = Bewaar mijn nieuwe antwoorden in dit dossier
case-children-title = Kinderen
case-children-none = Er staat nog geen kind in dit dossier.
child-add-title = Kind toevoegen
child-name = Voornaam of roepnaam
child-birth-year = Geboortejaar
child-school-type = Soort school
child-school-level = Groep of klas
child-add-button = Voeg kind toe
child-error-name = Vul een voornaam of roepnaam in.
child-error-year = Vul het geboortejaar in met vier cijfers, zoals 2016.
case-timeline-title = Tijdlijn
case-timeline-none = Er staat nog niets op de tijdlijn.
event-add-title = Gebeurtenis toevoegen
event-kind = Soort
event-kind-conversation = Gesprek
event-kind-email = E-mail
event-kind-letter = Brief
event-kind-decision = Besluit
event-kind-report = Verslag
event-kind-complaint = Klacht
event-kind-meeting = Overleg
event-kind-preparation = Voorbereiding
event-kind-note = Notitie
event-date = Datum
event-date-hint = Bijvoorbeeld 14-10-2026 of 14 oktober 2026.
event-title = Korte omschrijving
event-notes = Aantekeningen
event-notes-hint = Wilt u een woord vet maken? Zet er twee sterretjes voor en achter, zoals **vet**. Begin een regel met een streepje voor een lijstje.
event-file = Bijlage (niet verplicht)
event-file-hint = Een pdf, foto (png of jpg) of Word-bestand (docx) van hoogstens 8 MB.
event-add-button = Voeg toe
event-edit-link = Wijzig
event-edit-title = Gebeurtenis wijzigen
event-save-button = Bewaar
event-back = Terug naar het dossier
event-error-kind = Kies de soort gebeurtenis.
event-error-date = Vul een datum in die bestaat, zoals 14-10-2026.
event-error-title = Vul een korte omschrijving in.
event-error-file-size = De bijlage is te groot. Het mag hoogstens { $mb } MB zijn.
event-error-file-type = Dit soort bestand kunnen we niet bewaren. Kies een pdf, png, jpg of docx.
event-error-conflict = Iemand anders heeft deze gebeurtenis net gewijzigd. Uw tekst staat nog in het formulier. Hierboven ziet u de nieuwe versie. Bewaar opnieuw als u uw tekst wilt houden.
event-conflict-theirs = De versie die net is bewaard
case-own-data-title = Delen, hulp en uw gegevens
case-export = Bestand om uw dossier te bewaren of te verhuizen
case-delete-confirm = Ja, verwijder dit dossier met alle stukken
case-delete-button = Verwijder dossier

# Letters and the plan as documents
route-plan-pdf = Download uw plan (PDF)
letter-back = Terug naar uw route
letter-says-title = Wat de brief zegt
letter-stays-dutch = De brief zelf is in het Nederlands.
letter-lead = Vul hieronder de gegevens in. Wat we al weten uit uw antwoorden, staat er al. Daarna ziet u de hele brief. U kunt alles in de brief nog veranderen. Daarna downloadt u de brief als PDF of als Word-bestand.
letter-fields-title = Gegevens voor de brief
letter-fill = Zet de gegevens in de brief
letter-fill-hint = Hebt u een gegeven veranderd? Klik dan op deze knop. De tekst van de brief wordt dan opnieuw gemaakt. Wat u zelf in de tekst had veranderd, gaat dan verloren.
letter-text-title = De brief
letter-text-later = Vul eerst alle gegevens in en klik op de knop. Dan ziet u hier de hele brief.
letter-subject = Onderwerp (Betreft)
letter-text = Tekst van de brief
letter-text-hint = Lees de brief goed. Verander wat niet klopt of wat u anders wilt zeggen. Laat een lege regel tussen twee alinea's.
letter-nothing-stored = We bewaren deze brief niet. Download hem voordat u de pagina sluit.
letter-download-pdf = Download als PDF
letter-download-docx = Download als Word-bestand
letter-sources = Bronnen
letter-error-missing = Vul in: { $field }
letter-subject-word = Betreft
plan-title = Uw persoonlijke plan
plan-lead = Gemaakt op { $date } met Routewijzer. Dit plan hoort bij de antwoorden die u toen gaf.
plan-steps = Uw route: waar u nu staat en wat daarna komt
plan-deadlines = Termijnen
plan-warnings = Let op
plan-footer = Routewijzer geeft informatie, geen juridisch advies. Kijk op de website voor de uitleg en de bronnen bij elke stap.

## Sharing
share-title = Dossier delen
share-lead = Nodig iemand uit die u helpt, zoals een onderwijsconsulent of ouderbegeleider. U kiest of die persoon alleen mag lezen of ook gebeurtenissen mag toevoegen. U kunt dat altijd weer intrekken.
share-link = Delen en wie er heeft gekeken
share-who-title = Wie heeft toegang
share-none = Alleen u.
share-state-invited = uitgenodigd
share-state-active = heeft toegang
share-state-revoked = ingetrokken
share-state-expired = verlopen
share-revoke = Trek in
share-invite-title = Iemand uitnodigen
share-role = Wat mag deze persoon?
share-role-read = Alleen lezen
share-role-contribute = Lezen en gebeurtenissen toevoegen of wijzigen
share-until = Toegang tot en met (niet verplicht)
share-until-hint = Bijvoorbeeld 30-6-2027 of 30 juni 2027. Leeg laten: tot u de toegang intrekt.
share-until-name = Laatste dag van toegang
share-invite-button = Stuur uitnodiging
share-error-role = Kies wat deze persoon mag.
share-audit-title = Wie heeft wat gedaan
share-audit-when = Wanneer
share-audit-who = Wie
share-audit-what = Wat
share-unknown-user = een verwijderd account
share-mail-subject = Uitnodiging voor een dossier in Routewijzer
share-mail-body = U bent uitgenodigd om een dossier in Routewijzer te bekijken. Log in of maak een account met dit e-mailadres en open: { $link }
invitation-title = Uitnodiging
invitation-lead = U bent uitgenodigd voor een dossier. Als u de uitnodiging aanneemt, ziet u het dossier bij uw dossiers.
invitation-accept = Neem de uitnodiging aan
invitation-unknown = Deze uitnodiging bestaat niet. Controleer de link in de e-mail.
invitation-ended = Deze uitnodiging is ingetrokken of verlopen. Vraag de ouder om een nieuwe.
invitation-used = Deze uitnodiging is al door iemand anders aangenomen.
invitation-other-address = Deze uitnodiging is voor een ander e-mailadres. Log in met het adres waarop u de uitnodiging kreeg.
import-title = Dossier terugzetten
import-label = Kies een gedownload dossier
import-hint = Het bestand heet meestal routewijzer-dossier.zip. Het wordt een nieuw dossier.
import-button = Zet dossier terug
import-error-not-ours = Dit bestand is geen dossier uit Routewijzer, of het is beschadigd. Kies het zip-bestand dat u bij "Bestand om uw dossier te bewaren of te verhuizen" kreeg.
import-error-attachment = Een bijlage in dit bestand is te groot of van een soort die we niet bewaren. Er is niets bewaard.

## Second factor
login-code-title = Code uit uw app
login-code-label = Code
login-code-hint = De zes cijfers die uw app voor Routewijzer nu laat zien. Telefoon kwijt? Typ dan een van uw reservecodes.
login-code-wrong = Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat, en typ de code die de app nu laat zien.
totp-title = Extra beveiliging met een code
totp-lead = Wilt u bij het inloggen ook een code uit een app op uw telefoon geven? Zet deze geheime sleutel in een app zoals Google Authenticator, Microsoft Authenticator of FreeOTP. Typ daarna de code die de app laat zien.
totp-secret = Geheime sleutel:
totp-link = Of gebruik deze link in uw app:
totp-on-button = Zet extra beveiliging aan
totp-is-on = Extra beveiliging staat aan. Bij het inloggen vragen we ook een code uit uw app.
totp-off-button = Zet extra beveiliging uit
recovery-codes-title = Uw reservecodes
recovery-codes-lead = Bent u uw telefoon kwijt? Dan kunt u inloggen met een van deze codes in plaats van de code uit de app. Elke code werkt één keer. Schrijf ze op of print ze, en bewaar ze op een veilige plek. U ziet ze alleen nu.

## Password reset
reset-title = Wachtwoord vergeten
reset-lead = Vul het e-mailadres van uw account in. U krijgt een e-mail met een link om een nieuw wachtwoord te kiezen.
reset-send = Stuur de link
reset-sent = Als er een account is met dit e-mailadres, hebt u nu een e-mail met een link. De link werkt één uur en één keer.
reset-new-password = Nieuw wachtwoord
reset-save = Bewaar nieuw wachtwoord
reset-error-link = Deze link werkt niet meer. Vraag hieronder een nieuwe aan.
reset-mail-subject = Nieuw wachtwoord voor Routewijzer
reset-mail-body = Kies een nieuw wachtwoord via deze link. De link werkt één uur en één keer: { $link }   Hebt u dit niet gevraagd? Dan hoeft u niets te doen.
login-forgot = Wachtwoord vergeten?

## Parties
case-parties-title = School en andere partijen
case-parties-none = Er staat nog geen school of andere partij in dit dossier.
party-add-title = Partij toevoegen
party-name = Naam
party-role = Wie is dit?
party-contact = Contactgegevens
party-holiday-contact = Bereikbaar in de vakantie
party-add-button = Voeg partij toe
party-error-name = Vul de naam in.
party-error-role = Kies wie dit is.
party-role-school = School
party-role-schoolbestuur = Schoolbestuur
party-role-swv = Samenwerkingsverband
party-role-leerplichtambtenaar = Leerplichtambtenaar
party-role-consulent = Onderwijsconsulent
party-role-verzekeraar = Verzekeraar
party-role-jeugdhulp = Jeugdhulp of gemeente
party-role-ouder = U zelf: uw naam en adres voor brieven
party-role-anders = Iemand anders

## Event dates that start deadlines
case-deadlines-title = Termijnen
event-sets-date = Is dit de datum uit een van de vragen?
event-sets-date-hint = Bijvoorbeeld de datum van een besluit. Dan rekenen we de termijnen vanaf deze datum.
event-sets-date-none = Nee
event-error-sets-date = Kies een van de vragen in de lijst, of "Nee".

## Step outcomes
outcome-label = Hoe ging het
outcome-save = Bewaar
outcome-error = Kies hoe het ging.
outcome-bezig = Nog bezig
outcome-opgelost = Opgelost
outcome-geen-oplossing = Geen oplossing
outcome-afgewezen = Afgewezen
outcome-overgeslagen = Overgeslagen
event-with = Met wie

# The case dossier as PDF and ZIP.
case-dossier-pdf = Dossier als PDF
case-dossier-zip = Dossier als PDF met alle bijlagen (ZIP)
dossier-title = Dossier van { $name }
dossier-title-plain = Dossier
dossier-cover-case = Dossier
dossier-cover-child = Kind
dossier-cover-school = School
dossier-cover-date = Gemaakt op
dossier-cover-note = Dit dossier is gemaakt met Routewijzer. Het geeft informatie, geen juridisch advies. De termijnen zijn berekend op de dag waarop dit dossier is gemaakt.
dossier-situation = De situatie in het kort
dossier-route = De route: waar we nu staan
dossier-deadlines = Termijnen
dossier-timeline = Tijdlijn
dossier-parties = Met
dossier-attachments = Bijlagen
dossier-col-file = Bestand
dossier-col-type = Soort
dossier-col-size = Grootte
dossier-col-event = Bij
dossier-empty = Hier staat nog niets.
dossier-footer = Routewijzer · dossier

# Mark a letter as sent.
letter-sent-title = Ik heb deze brief verstuurd
letter-sent-lead = Zet de brief in uw dossier. De brief komt op de tijdlijn, met de tekst hierboven.
letter-sent-date = Datum van versturen
letter-sent-date-hint = Bijvoorbeeld 29-11-2026 of 29 november 2026.
letter-sent-button = Zet in dossier: { $case }
letter-sent-starts = Hierna: { $term }. Deze termijn begint op { $from }. Als u de brief in uw dossier zet, rekenen wij de termijn uit vanaf de datum van versturen.
letter-sent-follows = Hierna: { $term }. Deze termijn begint op { $from }. Dat is niet altijd de dag dat u de brief verstuurt. Weet u de datum? Zet hem dan bij een gebeurtenis in uw dossier.

# Letters filled from a case, and the signature.
letter-back-case = Terug naar dossier: { $case }
letter-from-case-title = Invullen met uw dossier
letter-from-case = Vul deze brief in met de gegevens uit dossier: { $case }
letter-child-title = Over welk kind gaat de brief?
letter-signature = Onder uw handtekening
letter-signature-hint = Meestal uw naam, en soms de bijlagen. Boven deze tekst laten we ruimte voor uw handtekening.

# Children and parties: change and remove.
child-edit-link = Wijzig { $name }
child-edit-title = Gegevens van een kind
child-save-button = Sla op
child-remove-title = Kind uit het dossier halen
child-remove-lead = Het kind gaat uit het dossier. De tijdlijn blijft zoals hij is.
child-remove-button = Haal { $name } uit het dossier
party-edit-link = Wijzig { $name }
party-edit-title = Gegevens van een school of partij
party-save-button = Sla op
party-remove-title = Partij uit het dossier halen
party-remove-lead = De partij gaat uit het dossier. Bij gebeurtenissen op de tijdlijn staat de naam dan niet meer.
party-remove-button = Haal { $name } uit het dossier
case-edit-back = Terug naar het dossier

# Versions of the answers of a case.
versions-link = Eerdere versies van de antwoorden
versions-title = Versies van de antwoorden
versions-lead = Elke keer dat de antwoorden in het dossier worden opgeslagen, bewaren we een nieuwe versie. De oude versies blijven bewaard.
versions-none = Er zijn nog geen antwoorden opgeslagen in dit dossier.
versions-col-version = Versie
versions-col-when = Opgeslagen op
versions-col-who = Door
versions-view = Bekijk versie { $version }
versions-unknown-person = een persoon die er niet meer is
version-title = Antwoorden, versie { $version }
version-lead = Opgeslagen op { $when } door { $who }.
version-latest = Dit is de nieuwste versie. De route in het dossier is hierop gebaseerd.
version-older = Dit is een oudere versie. De route in het dossier is gebaseerd op de nieuwste versie.
version-question = Vraag
version-answer = Antwoord
version-region = Regio
version-empty = In deze versie staan geen antwoorden.
version-back = Terug naar de versies

# Caseload of an advocate, the calendar feed and reminder mails.
caseload-title = Dossiers waarbij u helpt
caseload-lead = Hier ziet u de dossiers waarbij u helpt. Het dossier met de eerste termijn staat bovenaan.
caseload-cases-title = Uw dossiers
caseload-none = U helpt nog bij geen enkel dossier. Een ouder kan een dossier met u delen, of de organisatie kan u aan een hulpvraag koppelen.
caseload-role-summary = u ziet de samenvatting
caseload-role-read = u mag lezen
caseload-role-contribute = u mag aanvullen
caseload-step = Stap nu
caseload-no-step = Nog geen route: de ouder heeft nog geen antwoorden opgeslagen.
caseload-next = Eerste termijn
caseload-no-deadline = Geen termijn met een datum
caseload-last-event = Laatste gebeurtenis
caseload-silence = { $count ->
    [0] vandaag
    [one] 1 dag geleden
   *[other] { $count } dagen geleden
}
caseload-no-events = Nog niets op de tijdlijn
caseload-silence-hidden = U ziet alleen de samenvatting, niet de tijdlijn
caseload-upcoming-title = Termijnen in de komende { $days } dagen
caseload-upcoming-none = Er zijn geen termijnen in de komende { $days } dagen.
caseload-days-left = { $count ->
    [0] vandaag
    [one] morgen
   *[other] over { $count } dagen
}
feed-title = Termijnen in uw agenda
feed-lead = Met een agenda-adres zet uw agenda-app de termijnen van al deze dossiers in uw agenda. De app haalt ze zelf op, ook nieuwe termijnen. Het adres is geheim: wie het heeft, ziet de termijnen. Deel het met niemand. Trek het in als u het niet meer gebruikt.
feed-new-title = Uw nieuwe agenda-adres
feed-new-once = U ziet dit adres maar één keer. Kopieer het nu naar uw agenda-app, bij "agenda toevoegen via internet" of "abonneren".
feed-url = Agenda-adres
feed-active = Agenda-adres gemaakt op { $date }. Het werkt.
feed-revoked = Agenda-adres gemaakt op { $date }, ingetrokken op { $revoked }. Het werkt niet meer.
feed-revoke = Trek in
feed-create = Maak een agenda-adres
reminders-link = Herinneringen per e-mail
reminders-title = Herinneringen per e-mail
reminders-lead = Wilt u een e-mail krijgen als een termijn in dit dossier bijna afloopt? U krijgt dan een e-mail een week voor het einde, en nog een de dag ervoor.
reminders-to = De e-mail gaat naar { $email }. In het onderwerp van de e-mail staat geen naam.
reminders-helpers = Wie u helpt en toegang heeft tot dit dossier, krijgt deze herinneringen altijd.
reminders-on = Ja, stuur mij herinneringen
reminders-save = Sla op
reminder-mail-subject = { $count ->
    [one] Herinnering: morgen is de laatste dag voor { $term }
   *[other] Herinnering: nog { $count } dagen voor { $term }
}
reminder-mail-hello = Hallo,
reminder-mail-when = { $count ->
    [one] Morgen is de laatste dag voor een termijn in het dossier "{ $case }".
   *[other] Over { $count } dagen is de laatste dag voor een termijn in het dossier "{ $case }".
}
reminder-mail-term = { $term }: uiterlijk { $date }.
reminder-mail-link = In het dossier staat wat u kunt doen: { $link }
reminder-mail-why-owner = U krijgt deze e-mail omdat u herinneringen hebt aangezet. Uitzetten kan hier: { $link }
reminder-mail-why-helper = U krijgt deze e-mail omdat u helpt bij dit dossier.
person-remove-confirm = Ja, haal dit uit het dossier
person-remove-confirm-error = Zet een vinkje bij "Ja, haal dit uit het dossier" als u het zeker weet.

# Figures for the organisation (figures_page.rs, figures.html).
figures-title = Cijfers van de organisatie
figures-lead = Hoeveel gezinnen zijn bij welke stap, hoe lang zitten kinderen thuis, welke vrijstellingen zijn voorgesteld of gegeven, en hoe liepen procedures af. Alle cijfers gaan over gezinnen met een dossier. Er staan geen namen in.
figures-privacy-title = Waarom sommige cijfers ontbreken
figures-privacy = Een cijfer onder de 5 laten we niet zien. Dan staat er "verborgen". Zo kan niemand uit de cijfers afleiden om welk gezin het gaat. Soms verbergen we ook een groter cijfer. Anders kunt u het verborgen cijfer uitrekenen met het totaal.
figures-privacy-filters = U kunt de cijfers bekijken per regio of per soort school. Een keuze staat er alleen als die groep en de rest allebei minstens 5 gezinnen hebben. Een cijfer dat u zou kunnen terugrekenen door twee keuzes van elkaar af te trekken, verbergen we ook.
figures-filter-label = Bekijk de cijfers van
figures-filter-hint = U kiest één ding tegelijk: alle gezinnen, één regio of één soort school.
figures-filter-button = Toon cijfers
figures-about-all = Alle gezinnen
figures-counted = Geteld op { $when }. De cijfers worden elke tien minuten opnieuw geteld.
figures-dimension-regio = Regio
figures-dimension-schooltype = Soort school
figures-region-noord = Noord
figures-region-midden = Midden
figures-region-zuid = Zuid
figures-total = Aantal gezinnen
figures-too-few = Er zijn nog minder dan 5 gezinnen met een dossier. Daarom laten we nog geen cijfers zien.
figures-filter-unavailable = Voor deze keuze kunnen we geen cijfers laten zien: de groep is te klein. Kies iets anders.
figures-csv-link = Download deze cijfers als CSV-bestand
figures-hidden = verborgen
figures-other = Anders
figures-table-stappen = Gezinnen per stap van de route
figures-table-weken-thuis = Hoe lang het kind thuis zit
figures-table-vrijstellingen = Vrijstellingen en maatwerk
figures-table-uitkomsten = Uitkomsten per procedure
figures-weeks-niet-thuis-of-onbekend = Niet thuis, of niet bekend
figures-weeks-0-4 = 0 tot en met 4 weken
figures-weeks-5-12 = 5 tot en met 12 weken
figures-weeks-13-26 = 13 tot en met 26 weken
figures-weeks-27-52 = 27 tot en met 52 weken
figures-weeks-53-meer = Meer dan een jaar
figures-exemption-5a = Vrijstelling 5a
figures-exemption-11g = Vrijstelling 11g
figures-exemption-11d = Vrijstelling 11d
figures-exemption-maatwerk = Maatwerk (minder uren)
figures-exemption-onbekend = Vrijstelling, soort niet bekend
figures-exemption-none = Geen vrijstelling of maatwerk
figures-stage-voorgesteld = voorgesteld
figures-stage-toegekend = gekregen
figures-outcome-none = Nog geen uitkomst
figures-csv-table = Tabel
figures-csv-block = Procedure
figures-csv-row = Wat
figures-csv-count = Aantal gezinnen
figures-csv-total = Totaal

# Combined procedures (groups.rs, groups.html, groups_consent.html).
groups-title = Zaken bundelen
groups-lead = Dossiers van gezinnen die toestemming gaven, met hetzelfde schoolbestuur of samenwerkingsverband. Een advocaat kan zulke zaken samen voeren.
groups-rules = U ziet alleen groepen van 2 of meer dossiers. U kunt een dossier alleen openen als u al toegang tot dat dossier hebt. Dat u deze pagina bekijkt, staat in het logboek van elk dossier.
groups-none = Er zijn nog geen groepen van 2 of meer dossiers.
groups-cases-caption = Dossiers in deze groep
groups-case = Dossier
groups-step = Stap nu
groups-no-step = Nog geen route
groups-kind-schoolbestuur = Schoolbestuur
groups-kind-swv = Samenwerkingsverband
groups-consent-link = Zaken bundelen met andere gezinnen
groups-consent-title = Toestemming om zaken te bundelen
groups-consent-lead = Soms hebben meer gezinnen een probleem met hetzelfde schoolbestuur of samenwerkingsverband. Een advocaat kan die zaken dan samen voeren. Dat maakt uw zaak vaak sterker. Daarvoor moet de oudervereniging weten welke dossiers bij elkaar horen.
groups-consent-what-title = Wat de coördinator van de oudervereniging dan ziet
groups-consent-what-title-of-case = De naam van uw dossier.
groups-consent-what-parties = De naam van het schoolbestuur en het samenwerkingsverband in uw dossier.
groups-consent-what-step = Bij welke stap van de route u nu bent.
groups-consent-who = Alleen de coördinator ziet dit, en alleen als een ander gezin met hetzelfde schoolbestuur of samenwerkingsverband ook toestemming gaf. De coördinator kan dan contact met u opnemen.
groups-consent-not = Andere gezinnen zien niets van uw dossier. De coördinator ziet uw tijdlijn, brieven en bijlagen niet, tenzij u die apart deelt.
groups-consent-withdraw = U kunt uw toestemming altijd weer intrekken. Dan staat uw dossier meteen niet meer in een groep. Geven en intrekken staan in het logboek van uw dossier.
groups-consent-now-title = Uw keuze nu
groups-consent-given = U hebt toestemming gegeven.
groups-consent-not-given = U hebt geen toestemming gegeven.
groups-consent-question = Mag de oudervereniging uw dossier bundelen met dat van andere gezinnen?
groups-consent-yes = Ja, dat mag
groups-consent-no = Nee, liever niet
groups-consent-save = Sla mijn keuze op
groups-consent-error = Kies ja of nee.

# Organisation accounts and help requests (org.rs, help.rs).
role-summary = u mag de samenvatting lezen
org-title = Oudervereniging
org-your-role = Uw rol:
org-role-volunteer = vrijwilliger
org-role-coordinator = coördinator
org-role-admin = beheerder
org-role-none = geen rol (geen lid meer)
org-back = Terug naar de oudervereniging
org-denied-title = Alleen voor de oudervereniging
org-denied = Deze pagina is alleen voor mensen die voor de oudervereniging werken, met de rol die erbij hoort. Denkt u dat u deze pagina wel mag zien? Vraag het aan de beheerder van de oudervereniging.
org-needs-totp = U bent { $role } bij de oudervereniging. Daarvoor moet inloggen in twee stappen aan staan. Zet het hieronder aan. Daarna kunt u de pagina's van de oudervereniging gebruiken.
org-members-title = Leden van de oudervereniging
org-members-lead = Hier bepaalt u wie voor de oudervereniging werkt, en met welke rol. Een vrijwilliger helpt de ouders die hem of haar zijn toegewezen. Een coördinator ziet alle hulpvragen en wijst vrijwilligers toe. Een beheerder kan ook leden toevoegen en weghalen. Elke rol heeft inloggen in twee stappen nodig.
org-members-list-title = Wie is lid
org-members-none = Er zijn nog geen leden.
org-member-no-totp = twee stappen staat nog uit
org-member-you = dat bent u
org-member-change-label = Rol van { $email }
org-member-change-button = Sla de rol op
org-member-add-title = Iemand toevoegen
org-member-add-lead = De persoon moet eerst zelf een account maken in Routewijzer. Vul daarna hier het e-mailadres van dat account in.
org-member-role = Rol
org-member-add-button = Voeg toe
org-member-saved = { $email } is nu { $role }.
org-member-removed = { $email } is geen lid meer.
org-error-no-account = Er is geen account met dit e-mailadres. Vraag de persoon eerst een account te maken.
org-error-role = Kies een rol.
org-error-last-admin = Dit is de laatste beheerder. Maak eerst iemand anders beheerder.
help-route-link = Hulp nodig? Vraag hulp aan de oudervereniging
help-case-link = Vraag hulp aan de oudervereniging
help-start-title = Hulp vragen aan de oudervereniging
help-start-lead = Vrijwilligers van de oudervereniging kunnen met u meedenken en meelezen. U bepaalt zelf wat zij van uw dossier zien. U kunt de hulp altijd weer stoppen.
help-start-need-account = Om hulp te vragen heeft u een account en een dossier nodig. Zo kan de vrijwilliger zien waar het om gaat, zonder dat u alles opnieuw hoeft te vertellen. Een account maken is gratis en duurt een paar minuten.
help-start-signup = Maak een account
help-start-login = Log in als u al een account heeft
help-start-need-case = U heeft nog geen dossier. Maak eerst een dossier en bewaar daarin uw antwoorden. Daarna kunt u vanuit het dossier hulp vragen.
help-start-make-case = Naar uw dossiers
help-start-choose = Voor welk dossier wilt u hulp vragen?
help-start-case-link = Vraag hulp bij { $title }
help-case-title = Hulp van de oudervereniging
help-case-lead = Een vrijwilliger van de oudervereniging kan met u meedenken. U kiest wat de vrijwilliger mag zien. U kunt dat later veranderen, of de hulp stoppen. In het overzicht van wie er heeft gekeken, ziet u elke keer dat iemand uw dossier bekijkt.
help-case-ended = U heeft eerder hulp gevraagd en die hulp gestopt. U kunt opnieuw hulp vragen.
help-case-preview-link = Bekijk de samenvatting die de vrijwilliger ziet
help-case-audit-link = Zie wie er in uw dossier heeft gekeken
help-ask-title = Vraag hulp
help-level-legend = Wat mag de vrijwilliger zien?
help-level-change-legend = Wat mag de vrijwilliger zien?
help-level-summary = Alleen een samenvatting
help-level-summary-hint = Uw situatie in het kort, de stap waar u nu bent en de eerstvolgende termijnen. Niet uw tijdlijn, notities, bijlagen of brieven.
help-level-read = Het hele dossier lezen
help-level-read-hint = De vrijwilliger mag alles in het dossier lezen, ook de tijdlijn en de bijlagen. De vrijwilliger kan niets veranderen.
help-message = Uw bericht (als u wilt)
help-message-hint = Schrijf kort waar u hulp bij wilt. Bijvoorbeeld: een gesprek met school voorbereiden.
help-ask-button = Vraag hulp
help-open-title = Uw hulpvraag van { $date }
help-helper = { $email } helpt u.
help-no-helper-yet = Er is nog geen vrijwilliger gekozen. De coördinator kiest iemand.
help-shared-now = Gedeeld:
help-your-message = Uw bericht:
help-level-button = Sla op wat de vrijwilliger mag zien
help-revoke-title = Hulp stoppen
help-revoke-lead = Als u de hulp stopt, kan niemand van de oudervereniging uw dossier of de samenvatting nog zien.
help-revoke-button = Stop de hulp
help-error-level = Kies wat de vrijwilliger mag zien.
help-error-message-long = Uw bericht is te lang. Gebruik hoogstens { $max } tekens.
help-unknown-person = een persoon die er niet meer is
help-mail-new-subject = Nieuwe hulpvraag in Routewijzer
help-mail-new-body = Een ouder heeft hulp gevraagd. Bekijk de hulpvraag en kies een vrijwilliger: { $link }
help-mail-assigned-subject = U helpt een ouder via Routewijzer
help-mail-assigned-body = De coördinator heeft u een hulpvraag gegeven. U vindt hem hier: { $link }
help-summary-title = Samenvatting van een dossier
help-summary-title-of = Samenvatting: { $title }
help-summary-lead = Dit is wat de ouder met u deelt: de situatie in het kort, de stap waar de ouder nu is en de eerstvolgende termijnen.
help-summary-no-answers = In dit dossier zijn nog geen antwoorden bewaard. Er is dus nog geen samenvatting.
help-summary-step = De stap van nu
help-summary-deadlines = De eerstvolgende termijnen
help-summary-no-deadlines = Er zijn geen termijnen met een datum.
help-summary-situation = De situatie in het kort
help-summary-open-case = Open het hele dossier
help-inbox-title = Hulpvragen
help-inbox-lead = De hulpvragen die nog lopen, de nieuwste eerst. Open de samenvatting om te zien waar het om gaat, en kies een vrijwilliger.
help-inbox-none = Er zijn geen hulpvragen.
help-inbox-pages = Pagina { $page } van { $last }
help-inbox-pages-label = Pagina's met hulpvragen
help-inbox-previous = Vorige pagina
help-inbox-next = Volgende pagina
help-asked-on = Gevraagd op { $date }.
help-inbox-summary-link = Samenvatting van { $title } ({ $ref })
help-inbox-assigned = { $email } helpt.
help-inbox-assign-label = Wie helpt deze ouder?
help-inbox-assign-button = Wijs toe
help-assigned-notice = De hulpvraag is gegeven aan { $email }.
help-mine-title = Mijn hulpvragen
help-mine-lead = De ouders die u helpt. Bij een samenvatting ziet u alleen wat de ouder deelt.
help-mine-none = U heeft nu geen hulpvragen.
case-letters-title = Brieven voor uw route
case-letters-lead = Deze brieven passen bij de route van dit dossier. Wat het dossier al weet, zoals de naam van uw kind en de school, staat er al in.

## Weergave van de nieuwe pagina's (kopjes en teksten voor de coördinator)
case-delete-title = Dossier verwijderen
help-inbox-nobody = Nog niemand gekozen.

# The summary for its owner, and choosing a helper in the inbox.
help-summary-lead-owner = Dit ziet wie u helpt als u alleen een samenvatting deelt: de situatie in het kort, de stap waar u nu bent en de eerstvolgende termijnen.
help-inbox-choose = Kies iemand
help-inbox-choose-first = Kies eerst wie deze ouder helpt. Er is niets veranderd.

# The reference of a case in the organisation's lists, and the downloads of a case.
case-ref = Dossiernummer { $ref }
help-case-ref-hint = Noem dit nummer als u de oudervereniging mailt of belt. Dan weten zij over welk dossier het gaat. Het nummer zegt niets over uw kind.
case-downloads-title = Downloaden
case-dossier-pdf-hint = Om te printen, of om te sturen naar bijvoorbeeld een consulent of advocaat.
case-dossier-zip-hint = Dezelfde PDF, met alle bijlagen erbij in één ZIP-bestand. Handig als de ander ook uw brieven en verslagen moet zien.
case-export-hint = Hiermee zet u uw dossier over naar een andere Routewijzer, of bewaart u een reservekopie. Dit bestand is niet om te lezen. U kunt het later terugzetten bij "Dossier terugzetten".

# Preparing a conversation of the route (/dossiers/{case}/gesprek/{step})
talk-title = Gesprek voorbereiden: { $step }
talk-with = U praat met
talk-pdf-link = Download deze voorbereiding als pdf om te printen
talk-goal-title = Uw doel voor dit gesprek
talk-goal-label = Wat wilt u bereiken met dit gesprek? Schrijf het op in uw eigen woorden.
talk-goal-hint = Bijvoorbeeld: "Ik wil dat mijn kind elke dag hulp krijgt bij het lezen."
talk-goal-save = Bewaar uw doel
talk-goal-empty = Er is nog geen doel opgeschreven.
talk-agenda-title = Agenda
talk-purpose-title = Waar het gesprek over gaat
talk-todo-title = Wat u vooraf regelt
talk-promised-title = Wat er eerder is afgesproken
talk-promised-line = { $text } (gesprek van { $on }: { $title })
talk-promised-line-by = { $text }, vóór { $by } (gesprek van { $on }: { $title })
talk-deadlines-title = Termijnen
talk-company-title = Wie mag er mee?
talk-bring-title = Wat neemt u mee?
talk-questions-title = Vragen die u kunt stellen
talk-report-title = Vraag om een verslag
talk-sources-title = Bronnen
talk-notes-title = Aantekeningen tijdens het gesprek
talk-pdf-footer = Routewijzer · Gesprek voorbereiden · Dit is uitleg, geen juridisch advies.
talk-none = Nog niets.
talk-report-form-title = Hoe ging het gesprek?
talk-report-lead = Schrijf op wat er is afgesproken. Het gesprek komt in de tijdlijn van uw dossier. Met de uitkomst wordt uw route opnieuw bekeken.
talk-date = Datum van het gesprek
talk-present = Wie waren erbij?
talk-agreements-legend = Wat hebt u afgesproken?
talk-agreements-hint = Eén afspraak per regel. Hoort er een datum bij? Vul die dan ook in. Lege regels slaan we over.
talk-agreement-n = Afspraak { $n }
talk-agreement-by-n = Vóór welke datum? (afspraak { $n })
talk-more-rows = Meer regels
talk-outcome-legend = Wat is de uitkomst van deze stap?
talk-outcome-date = Datum bij de uitkomst
talk-outcome-date-hint = Alleen als de uitkomst om een datum vraagt, bijvoorbeeld de datum op een besluit.
talk-save = Bewaar het gesprek
talk-back = Terug naar het dossier
talk-error-step = Deze stap bestaat niet meer.
talk-error-agreement-text = Afspraak { $n }: u vulde een datum in, maar geen afspraak. Schrijf op wat er is afgesproken, of maak de datum leeg.
case-agreed-title = Afgesproken in een gesprek, met een datum
case-talk-link = Bereid het gesprek voor
own-words-title = Vertel in uw eigen woorden wat er speelt
own-words-label = Wat speelt er op school met uw kind?
own-words-hint = Schrijf het op zoals u het aan iemand zou vertellen, bijvoorbeeld: "Mijn zoon zit al 5 weken thuis. De school wil dat we een vrijstelling aanvragen." U hoeft niet op spelling te letten. Wij maken daar voorstellen voor antwoorden van. U controleert elk antwoord zelf.
own-words-button = Lees mijn tekst
own-words-error-empty = Schrijf eerst wat er speelt, of begin met de vragen
own-words-error-too-long = Uw tekst is te lang: { $chars } tekens. Maak hem korter dan { $max } tekens. Schrijf alleen wat nu het belangrijkst is
own-words-none-title = We konden nog geen antwoorden uit uw tekst halen
own-words-none = Dat geeft niet. Beantwoord de vragen één voor één. Schrijft u in een andere taal dan Nederlands? Deze functie leest alleen Nederlands.
own-words-to-questions = Begin met de vragen
own-words-read-title = Dit lazen we in uw tekst
own-words-read-lead = De gemarkeerde woorden gebruikten we voor een voorstel.
own-words-proposals-title = Onze voorstellen voor uw antwoorden
own-words-confirm = Dit zijn nog geen antwoorden. Bij elke vraag ziet u ons voorstel al ingevuld. Klopt het? Kies dan Verder. Klopt het niet? Verander het antwoord. De andere vragen beantwoordt u zoals altijd.
own-words-check-button = Controleer de voorstellen
own-words-again-title = Wilt u iets aanvullen of veranderen?
own-words-privacy-title = Wat gebeurt er met uw tekst?
own-words-privacy = Uw tekst wordt alleen op onze eigen server gelezen, zonder andere diensten of bedrijven. Wij bewaren uw tekst niet, behalve als u hem zelf als notitie in uw dossier zet. We onthouden alleen de woorden waaruit we een voorstel haalden, tijdens uw bezoek, zodat u ze bij de vraag terugziet.
own-words-keep-title = Uw tekst bewaren
own-words-keep-lead = Wilt u uw tekst bewaren? Zet hem dan als notitie in uw dossier. Hij komt op de tijdlijn, met de datum van vandaag. Wij bewaren hem alleen als u op een van deze knoppen drukt.
own-words-keep-button = Bewaar als notitie in { $case }
own-words-keep-account = Uw tekst bewaren kan alleen met een account. Wij bewaren uw tekst niet: hij staat alleen hierboven in het vak. Wilt u hem houden? Kopieer hem dan eerst, voordat u een account maakt of inlogt.
own-words-keep-sign-up = Maak een account
own-words-keep-log-in = Log in
own-words-keep-no-case = U hebt nog geen dossier. Maak eerst een dossier. Kopieer uw tekst eerst, want wij bewaren hem niet.
own-words-keep-new-case = Naar uw dossiers
own-words-save-error-empty = Schrijf eerst uw tekst in het vak, en bewaar hem dan
own-words-note-title = In eigen woorden
own-words-saved-title = Uw tekst staat in uw dossier
own-words-saved = We hebben uw tekst als notitie op de tijdlijn van uw dossier gezet, met de datum van vandaag. Verder bewaren wij hem nergens.
own-words-saved-case = Bekijk de tijdlijn van het dossier
own-words-saved-questions = Ga verder met de vragen
question-proposal = Wij hebben dit antwoord alvast ingevuld uit wat u schreef:
question-proposal-confirm = Klopt het? Kies dan Verder. Klopt het niet? Verander het antwoord.
start-own-words = Wilt u liever eerst zelf vertellen wat er speelt? Dan vullen wij een deel van de vragen alvast voor u in.
start-own-words-button = Vertel het in uw eigen woorden
