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
content-in-dutch = Deze tekst is alleen in het Nederlands.
restart = Opnieuw beginnen
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
route-lead = Dit is het advies bij uw antwoorden van { $date }. Begin bij de stap die nu aan de beurt is.
route-region = Schoolvakanties van regio { $region }.
route-summer = De zomervakantie in regio { $region } begint op { $date }.
route-actions = Wat u met deze route kunt doen
route-change = Antwoorden wijzigen
route-ics = Termijnen in uw agenda zetten (bestand)
route-save = Antwoorden opslaan als bestand
route-print = Tip: u kunt deze pagina afdrukken. Alle stappen staan dan open op papier.
route-warnings = Let op
route-more-warnings = Let ook op
route-now = Nu aan de beurt
route-next = Daarna
route-later = Later, als het nodig is
route-done = Al gedaan
route-not-applicable = Nu niet aan de orde
route-not-applicable-lead = Deze stappen passen nu niet bij uw situatie. Open een stap om te lezen waarom.
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
deadline-in-holiday = Deze datum valt in de { $holiday }.
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
