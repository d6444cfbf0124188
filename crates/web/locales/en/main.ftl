# Interface texts of Routewijzer, English.

## Site
site-name = Routewijzer: inclusive education in the Netherlands
site-tagline = Your way forward when things get stuck at school
skip-link = Skip to content
nav-label = Main menu
nav-start = Start
nav-knowledge = Explanations
nav-glossary = Terms
nav-search = Search
lang-switch = Nederlands
lang-switch-label = Lees deze pagina in het Nederlands
footer-privacy = We keep your answers only during your visit, until 20 hours after you last did something. Then they are gone.
footer-not-advice = Routewijzer explains; it does not give legal advice. In doubt? Ask for help, for example from Onderwijsconsulenten or an ouder- en jeugdsteunpunt.
content-in-dutch = This text is only available in Dutch.
restart = Start again
back = Back

## Start page
start-title = What step can you take now?
start-lead = Are things stuck at school for your child? For example because your child does not get the support it needs, or is at home? Routewijzer shows the step you can take now.
start-what-title = What you get
start-what-1 = The step you can take now, and what may come after.
start-what-2 = Who can help, what to prepare, and what each step can and cannot achieve.
start-what-3 = Warnings and time limits, with the date by which something must be done.
start-what-4 = For every piece of advice: why you get it and where it comes from.
start-time-title = How long does it take?
start-time = You answer about 12 to 20 short questions. That takes about 10 minutes.
start-privacy-title = What happens to your answers?
start-privacy = You do not need an account. We keep your answers only during your visit. If you do nothing for 20 hours, they are gone. Want to continue later? Then save your answers as a file on your own computer or phone.
start-button = Start
start-continue = Continue with your questions
start-load = Did you save your answers before? Open your answers file.

## Questions
question-continue = Continue
question-save-check = Save and go back to the overview
question-skip = I don't know / skip
question-or = or
question-date-hint = For example 15 3 2027
date-day = Day
date-month = Month
date-year = Year
error-summary-title = There is a problem
error-prefix = Error:
error-choose-one = Choose an answer.
error-choose-some = Choose at least one answer.
error-number = Enter a number, for example 6.
error-number-range = Enter a number from { $min } to { $max }.
error-number-min = Enter a number of { $min } or more.
error-number-max = Enter a number of { $max } or less.
error-date-empty = Enter a date, for example 15 3 2027.
error-date = Enter a real date, for example 15 3 2027.
error-not-allowed = We cannot use this answer. Choose one of the answers.
answer-yes = Yes
answer-no = No
answer-skipped = I don't know
answer-none = (nothing chosen)

## Region
region-title = In which region do you live?
region-hint = The Netherlands has three regions for school holidays. The school guide (schoolgids) says which one. We ask because a time limit can end in a school holiday, and holidays differ per region.
region-noord = Region north (noord)
region-midden = Region middle (midden)
region-zuid = Region south (zuid)
region-label = Region for school holidays

## Check your answers
check-title = Are your answers right?
check-lead = Check your answers. Is something wrong? Choose "Change".
check-change = Change
check-change-label = Change: { $question }
check-submit = See your route
check-save = Save answers as a file

## Route page
route-title = Your route
route-lead = This is the advice for your answers of { $date }. Start with the step that is up now.
route-region = School holidays of region { $region }.
route-summer = The summer holiday in region { $region } starts on { $date }.
route-actions = What you can do with this route
route-change = Change answers
route-ics = Put the time limits in your calendar (file)
route-save = Save answers as a file
route-print = Tip: you can print this page. All steps are then open on paper.
route-warnings = Watch out
route-more-warnings = Also watch out
route-now = Up now
route-next = After that
route-later = Later, if needed
route-done = Already done
route-not-applicable = Not relevant now
route-not-applicable-lead = These steps do not fit your situation now. Open a step to read why.
route-deadlines = Time limits
route-letters = Letters that can help
route-articles = More explanation
route-notes = What we could not work out
status-current = Up now
status-next = After that
status-later = Maybe later
status-done = Done
status-not-applicable = Not relevant now
step-who = Who
step-prepare = What to prepare
step-can = What this step can achieve
step-cannot = What this step cannot do
step-why = Why this advice?
step-sources = Sources
step-more = More about this step
why-answers = Your answers that this is based on:
why-derived = Worked out from your answers
why-first-advised = No other step is up now. This is the first step we advise.
why-fallback = Your answers point to no other step. So the route starts here.
why-default = This step only comes up if earlier steps do not help.
confidence-m = not checked
confidence-c = sources disagree
confidence-m-long = Note: this has not been checked in an official source.
confidence-c-long = Note: sources disagree about this.
source-checked = checked on { $date }
deadline-by = By { $date } at the latest
deadline-start = Starts on: { $event }
deadline-how = How this was worked out
deadline-in-holiday = This date is in the { $holiday }.
deadline-length = Time limit: { $length }
deadline-extension = Extension
nodate-start-unknown = We do not know the start date. The time limit starts: { $event }.
nodate-uncertain = This time limit is not certain enough to give a date. Please check it.
nodate-suspended = This time limit is on hold. It runs again when the procedure is over.
nodate-calendar = We could not work out a date: { $detail }
unit-days = { $n } days
unit-weeks = { $n } weeks
unit-months = { $n } months
unit-working-days = { $n } working days
unit-school-weeks = { $n } school weeks
route-incomplete = You have not answered all questions yet.

## Answers file
answers-title = Save or open your answers
answers-lead = You can save your answers as a file on your own computer or phone. We do not keep that file. Later you open it here again and continue where you were.
answers-download-title = Save
answers-download = Download your answers
answers-download-none = You have not given any answers yet.
answers-upload-title = Open
answers-upload-label = Choose your answers file
answers-upload-hint = The file is usually called routewijzer-antwoorden.json.
answers-upload-button = Open answers
answers-error-empty = Choose a file.
answers-error-not-ours = We cannot read this file. Choose the file you saved from Routewijzer before.
answers-error-question = We cannot use the answer to the question "{ $question }" in this file. Maybe the question has changed. Start again, or choose another file.
answers-error-too-big = This file is too big. An answers file is smaller than 256 kB.
answers-privacy = The file holds your answers. Keep it safe and share it only with people you trust.

## Knowledge
knowledge-title = Explanations
knowledge-lead = Read more about the steps, the organisations and the rules.
knowledge-steps = The steps of the route
knowledge-side-steps = Other ways
knowledge-organisations = Organisations
knowledge-articles = Articles
knowledge-level = Level { $level }
org-does = What they do
org-enforce = What they can enforce
org-can-enforce = This organisation can enforce a decision.
org-cannot-enforce = This organisation cannot enforce anything. It gives advice or mediates.
org-cost = Cost
org-conditions = Conditions
org-website = Website
org-phone = Phone
article-sources = Sources
step-page-who = Who helps with this step
glossary-title = Terms
glossary-lead = What do the words and abbreviations you come across mean?
glossary-more = Read more

## Search
search-title = Search
search-label = Search the explanations
search-button = Search
search-results = { $count ->
    [0] No results for "{ $query }".
    [one] 1 result for "{ $query }"
   *[other] { $count } results for "{ $query }"
}
search-none-hint = Try another word, for example "thuiszitter", "vrijstelling" or "samenwerkingsverband" (the site's content is in Dutch).
kind-step = Step
kind-organisation = Organisation
kind-article = Article
kind-glossary = Term

## Errors
error-404-title = This page does not exist
error-404 = Maybe the link is old. Go to the start page.
error-403-title = This form has expired
error-403 = Your form could not be processed because it is too old or your session has expired. Go back, reload the page and try again.
error-413-title = Too much text or a file that is too big
error-413 = What you sent is too big. A form may be at most 64 kB, an answers file at most 256 kB.
error-500-title = Something went wrong
error-500 = Something went wrong on our side. Please try again later.
error-home = Go to the start page
