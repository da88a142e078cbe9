"""Sentence-level cases for criteria whose judgement rests on who does what in the parse.

Each case was a mistake the rules made on the development batch; the failing twins show the
rule did not simply loosen.
"""

from __future__ import annotations

import pytest

from drafting import check

WHO_SEES = [
    # a parent checking on the other parent's part of the goal
    ("Sami will have a sober adult with him at all times when he is at his dad's, which his "
     "mum will check when she collects him.", True),
    ("Until Callum turns 18, his dad will keep the shotgun locked in the gun cabinet, and "
     "Callum's mum will ask Callum about it when he gets home.", True),
    # "let us know if ..." reports what they hear
    ("Dad will not shout or throw things when the children are at home, and the school and "
     "Nan will let us know if Ruby says he has.", True),
    # shown to someone in the network
    ("For the next three months, Mike will write in a diary every time he feels like lashing "
     "out, and show it to Lacey's grandma each Sunday.", True),
    # the same parent doing and checking: nobody else sees it
    ("Mum will make sure the children have breakfast, and she will check they are dressed "
     "before school.", False),
    ("Mum will check Kai's blood sugar before school for the next six months.", False),
    ("Mike will write in a diary every time he feels like lashing out.", False),
    # the network checking the child's things sees the goal; a parent doing so is care
    ("Maya will have a packed lunch that her mum makes the night before, and Grandpa Bill "
     "will check Maya's lunchbox on the days he does the school run.", True),
    ("Granny Nuala will hear from Saoirse and Darragh how home has been when she has them "
     "on Wednesdays.", True),
    ("Charlie's teacher, Ms Obi, will be able to tell that things are better.", True),
    # a test is not a person
    ("Mum will stay off alcohol for six months, evidenced by hair strand testing.", False),
    ("Nathan's social worker will see him every week.", False),
    # whoever is sent or shown the record sees it; sending the child somewhere is not showing
    ("Jess will keep a diary of Noah's meals and share it with the health visitor.", True),
    ("Dad will send the photos of the fridge to Nan on Sundays.", True),
    ("Dad will send Amy to school every day.", False),
    # told, messaged, kept informed, watching: the person addressed comes to know
    ("Jo will let the social worker know each time for the next six months.", True),
    ("Ola will message the social worker after each evening out.", True),
    ("Dad will follow his relapse plan and the family network will be kept informed.", True),
    ("Kofi will see the children at his mother's house, with Grandma Efua watching.", True),
    ("Mum will show the health visitor she can make up Freddie's bottles.", True),
    ("His teacher will note who drops him off each day.", True),
    ("Dad will go on the course so he can show Kai that he loves him.", False),
    ("Mum will not message the social worker.", False),
    # the parent's sister is in the network; a child's own sister is not
    ("Mum will keep Baby Lila in her room until she is six months old, and her sister Bea "
     "will check on the camera app when Mum naps.", True),
    ("Tam, 6, will walk to school with his sister Elin, 12, who will check he is in class.",
     False),
    # someone outside the family seeing the child, beside a goal; alone it is family time
    ("Until June, Ravi will bring Oskar to Nanny Jo's on match days, and Nanny Jo will see "
     "Oskar every Sunday.", True),
    ("Nanny Jo will see the boys after school on Wednesdays.", False),
    ("Kit will see his dad every Saturday at the family centre.", False),
    ("Orla will see her GP within four weeks.", False),
    # the visits of a named worker show it
    ("Dad will read with Femi every night, which the caseworker's visits will show.", True),
    ("Dad will read with Femi every night, which the visits will show.", False),
    # a parent ringing a relative for help: the relative helps, nobody checks
    ("If Noreen starts to feel unwell, she will ring her sister, who will come and take Ada "
     "to hers that night.", False),
    ("If Noreen starts to feel unwell, she will ring her sister, and Grandad Tom will check "
     "on Ada each morning.", True),
    ("The family network will watch for this for at least five months.", True),
    ("The family network will watch television with the boys.", False),
    # an agency or staff group with its name on it is named; bare ones are not
    ("Children's Services will check on home visits that Rory keeps food in the fridge.",
     True),
    ("Services will check on home visits that Rory keeps food in the fridge.", False),
    ("The staff at Little Acorns nursery will see Leo arriving clean and fed.", True),
    ("The staff will see Leo arriving clean and fed.", False),
    ("The professional network will review progress at core group meetings.", False),
    # "by the next review" is a time, not who sees
    ("Services will see an improvement in the home by the next review.", False),
    # a negated visit is not a visit; "stop by" is one
    ("Jack will not go to the skate park or see the older lads again.", False),
    ("Rico will not stay at Shonda's flat. Grandma Mae will stop by on Sundays to check.",
     True),
    # seeing a worker is an appointment, not observing
    ("Mum will go to see her social worker, Helen, every week for help with the twins.",
     False),
    # someone in the network making sure, reading through a record, dropping in to check
    ("Until the end of August, Marcus's uncle Ray will stop by every evening to make sure "
     "there is dinner on the table.", True),
    ("Until the end of August, Marcus's mum will make sure there is dinner on the table.",
     False),
    ("Every Saturday, Grandad Eddie will read through Lily's seizure diary.", True),
    ("Every Saturday, Grandad Eddie will read Lily a story.", False),
    ("Every Thursday, Mrs Doyle from the food bank will drop in and check there is food in "
     "Aoife's kitchen.", True),
]

GOAL_BEHAVIOUR = [
    # a family member's hands-on check is also something they will do
    ("Nan Gwen will check Leah's blood sugar diary on Sundays, which her mum fills in before "
     "school and at bedtime.", True),
    ("Nan will check this on Sundays.", False),
    # what the observers will see someone doing is the goal's behaviour
    ("For the next six months, Riya's granny will see Riya's dad, Kiran, making her packed "
     "lunch each morning.", True),
    ("For the next six months, Riya's granny will see Riya's dad, Kiran, when she visits.",
     False),
    # an adult's family time, with where and when, is what they will do
    ("Dad will see the children at Grandma Ruth's on Sundays from 2 to 5.", True),
    ("Leo will see his dad every Saturday at Nana's house for the rest of the year.", False),
    ("Nanny June and Grandad Bill will see Charlie every week.", False),
]

IMPACT = [
    ("On March 3, Mum's boyfriend struck Leo with a closed fist, causing a laceration to his "
     "lip.", True),
    ("Around 2am on New Year's Day, Kev threw a bottle while Donna was holding baby Ruby; "
     "a piece of glass cut Ruby's forehead.", True),
    ("Around 2am on New Year's Day, Kev threw a bottle at the wall while Ruby was asleep "
     "upstairs.", False),
    # the one hurt is the one the doer hurt, not the doer
    ("Kit's dad hit him last week and he has a bruise.", True),
    # a name placed by its age beats the date tagger ("On Friday 7 March Lani")
    ("On Friday 7 March Lani (6) came to school with a swollen lip.", True),
    ("A bruise on the left cheek was noted by nursery on arrival.", True),
    # who observed an effect is not who suffered it
    ("Ellie was slapped by her stepdad on Sunday, and bruising to her cheek was observed by "
     "her teacher on Monday.", True),
    ("Bruising to her arm was observed by officers when they spoke to Mum on Sunday.", False),
    # "4 May, 19 May" is a list of dates, not a child called May aged 19
    ("Noor was hit on 4 May, 19 May and 2 June and had bruises each time.", True),
    # what set the act off is not its effect; what the child does since is
    ("Dad shut Tom in the shed for an hour when he would not go to bed.", False),
    ("Since the fire in June, Aiden, 7, will not go to bed unless the landing light is on.",
     True),
    ("Since the assault in June, Mum will not go outside on her own.", False),
    # missing school through what the adult did falls on the child kept at home
    ("Since January, Dad has kept Sami home from school to look after his baby brother.", True),
    ("Over half-term Lily, 6, knocked on neighbours' doors asking for food.", True),
    ("The landlord cut off the heating, and the windows were black with mould.", False),
    # an effect word standing for something else: a name, a place, a thing
    ("On 2 May Mark punched Jade, breaking her nose, while the baby slept upstairs.", False),
    ("After the row, Tracey pushed Marcy, 15, out and locked the door behind her.", False),
    ("Kane held a lighter to Molly's hair and locked her in the shed.", False),
    ("When Dad shouted, Kofi, 5, sat behind the coats with his hands over his ears.", True),
    # the one found with the effect bears it, not the finder
    ("A neighbour found Rio, 2, in the hallway with a cut head after Mum left him alone.",
     True),
    ("Mum said that on Saturday Dad shook the baby and she cried for an hour after.", True),
    ("Mum said that on Saturday Dad shook the baby because she would not stop crying.", False),
    # what the child does since
    ("Nanna Jo told us that on Anzac Day Craig punched a hole in the door next to Ruby's "
     "head. Ruby, 8, hasn't wanted to sleep at home since.", True),
    ("Nanna Jo told us that on Anzac Day Craig punched a hole in the door next to Ruby's "
     "head.", False),
    ("Kian, 12, sleeps with a knife under his pillow since his dad's voice notes.", True),
    ("Lola's hair strand test was positive for cocaine.", True),
    ("On Sunday Jodie held a knife to her wrist, and Alfie, 10, took it off her and then "
     "could not stop shaking.", True),
    # a name that opens the sentence, missed by the tagger, is still a person
    ("Tyrell has lost 6 pounds since Thanksgiving.", True),
    ("Mum has been unwell since the summer. Harvey, 7, missed 20 days of school last term.",
     True),
    ("Advice given re barrier cream in October.", False),
    ("At 3am officers found Chloe Watts, 14, in a car with a man of 32. Chloe was vomiting "
     "and could not stand.", True),
    ("On Sunday Sanjay slapped Priya, 11, across the face. She told me her ear rang all "
     "evening.", True),
    ("On Sunday Sanjay slapped Priya, 11, across the face in the car park.", False),
    ("Tia's attendance is currently 71%.", True),
    ("Ava (5) was seen eating crackers out of the trash.", True),
    # a pronoun in the clause of a named subject is that subject's: Tanya's finger, not Reuben's
    ("On 4 May Wayne pushed Tanya into the door while her son Reuben, 6, watched. Tanya "
     "broke her finger.", False),
    ("On 4 May Wayne pushed Reuben, 6, into the door. Reuben broke his finger.", True),
    # children spoken of only as "the kids": a bare name beside them is not the child
    ("On Friday Leon kicked Shannon in the ribs while the kids were upstairs. Shannon's ribs "
     "were bruised.", False),
    ("On Friday Leon kicked Shannon, 9, in the ribs. Shannon's ribs were bruised.", True),
    # whoever is found bears the effect, even when the finder is named last
    ("Zak, 2, was left in the car for an hour and was found by a passer-by screaming.", True),
    ("A neighbour found Tilly standing on the landing, sobbing.", True),
    ("On 3 June a neighbour found Ollie, 3, with a cut lip after he fell off the wall.", True),
    # a stabbing is itself the wound of whoever is stabbed
    ("In May, Dale stabbed Kieran, 15, in the arm during a row over money.", True),
    ("In May, Dale stabbed the sofa during a row over money while Kieran, 15, watched.",
     False),
    # a feeling the child names, unless it is a good one
    ("Mo, 12, told his teacher he feels like a ghost at home.", True),
    ("Mo, 12, told his teacher he feels safe with his nan now.", False),
    ("Jess, 14, wanted to die after the photos were shared.", True),
    # "I" in a quotation is whoever said it
    ("Ellie (7) told officers: 'Daddy threw the plates and I hid in the bathroom.'", True),
    ("Mum told officers: 'He threw the plates and I hid in the bathroom.'", False),
    # a name the tagger reads as an adjective
    ("Precious was hit by her uncle on 2 May and her lip was still swollen the next day.",
     True),
    # a hospital word is still an effect, though plain language flags it
    ("Kerys, 12, was locked out overnight on 3 January and came home with hypothermia.",
     True),
    # the child's own reason is an effect; a reason that set off the adult is not
    ("Since May, Tom, 8, has slept on the landing because he is scared of the dark.", True),
    ("Since May, Tom, 8, has slept on the landing because Dad is scared of the dark.", False),
    ("On 2 May Dad smacked Tom, 8, because he was cold and moaning.", False),
    # a sentence that opens with "She" goes on about the last sentence's subject
    ("On 9 May Aiden's mum, Carla, took an overdose while looking after Aiden, 3. She was in "
     "hospital for a week.", False),
    ("On 9 May Carla hit Aiden, 3, with a belt. He was in hospital for a week.", True),
    # "A&E." closing a statement is one token
    ("Suspect arrested 04/05 for ABH on his daughter Lily (9). Lily conveyed to A&E.", True),
    ("Reggie sustained a dog bite to the hand.", True),
    ("Mum hasn't washed Evie's clothes since May, and Evie, 8, says the other girls laugh "
     "because she smells.", True),
    ("Kayla told her aunt what her stepdad did and has refused to go home since.", True),
    ("On 2 March Josh (6) and Ruby (4) had nothing to eat all day.", True),
    ("Since Mum went into hospital, Kacey, 9, has been getting herself to school, arriving "
     "late every day.", True),
    # a subject the parser lost: "his" is the child just named
    ("On Saturday Craig swung Lucas (2) around by one arm and his elbow popped out.", True),
    ("On Saturday Craig swung Lucas (2) around by one arm in the garden.", False),
    # a missed appointment is the adult's omission; what followed is the effect
    ("Ellis has missed four health appointments since June.", False),
    ("Since June, Dad has missed four of Ellis's hospital appointments, and Ellis has been "
     "in A&E twice.", True),
    # a double-barrelled name is not an organisation
    ("Over the summer Rosa-Lee's weight has dropped from the 25th to the 2nd centile.", True),
    # what the child says they feel or no longer get
    ("Ava (9) told the school nurse 'Dad doesn't love me any more'.", True),
    ("Ava (9) told the school nurse 'Dad loves me and takes me swimming'.", False),
    ("Finn said his mum 'gets really scary when she drinks'.", True),
    ("Dad smacked Ollie on the leg with a spoon in May. Ollie told his teacher it stings "
     "when he sits down.", True),
    ("Since the fight on 3 May, Reuben, 12, has told his teacher he wants to live with his "
     "gran.", True),
    # a check that found nothing is no effect; one that found something is
    ("On 8 March Dad crashed the car with Noor, 6, in the back. Paramedics checked Noor and "
     "she was not hurt.", False),
    ("On 8 March Dad crashed the car with Noor, 6, in the back. Paramedics took Noor to "
     "hospital with a cut chin.", True),
    ("On Sunday Mum took Ezra, 3, to A&E after he fell down the stairs while she was asleep. "
     "The doctors found no injuries.", False),
    # what might have happened did not
    ("Dad left Ezra, 3, on the balcony on Friday. Mum said she was frightened Ezra could fall "
     "off.", False),
    # what the child tells of an adult's own state is not the child's
    ("Rhys, 11, told his teacher that Dad cries every night in the kitchen.", False),
    ("Rhys, 11, told his teacher that he cries every night because Dad shouts.", True),
    # a burn to a child's arm is the injury itself
    ("On Friday Mum's partner Vince burned Keira's arm with a lighter.", True),
    # "She" after an adult was hurt and the child was only there
    ("On Monday Lee punched Jade in the face while Skye, 7, was in the kitchen. She had a "
     "black eye for a week.", False),
    ("On Monday Lee punched Skye, 7, in the face in the kitchen. She had a black eye for a "
     "week.", True),
    # a child's own fear is an effect, whatever the main clause does to a thing or a place
    ("Kai, 14, has carried a hammer to school every day since the raid on 2 May because he is "
     "scared of the men who came to the flat.", True),
    # a thing's state, and the act of leaving a child, are not effects
    ("Since January Mum has not mended the twins' bedroom window and the carpet is filthy.",
     False),
    ("On Saturday night Gemma went out at 10pm, leaving Kit, 5, awake and alone.", False),
    ("On Saturday night Gemma went out at 10pm, leaving Kit, 5, alone. A neighbour heard him "
     "crying at midnight.", True),
    # an age in months is a child's; a bracketed name after Mum is hers
    ("Rowan (18 mos) was left in the bath by Mum (Kerry) on 3 June; he breathed in water"
     " and went to hospital.", True),
    # case-note shorthand: F (Marek) is the father, and the broken wrist is his
    ("F (Marek) came home drunk on 4 May and fell down the stairs, breaking his wrist, "
     "while Zosia (5) was asleep upstairs.", False),
    # a name that is also a word, with an age, is a child
    ("Willow, aged 3, swallowed Mum's tablets on 2 May and was admitted to hospital.", True),
    # effects that are phrases: sight got worse, started chewing, ran away
    ("Since September Dad has not taken Ines, 8, to her eye appointments, and her sight "
     "has got worse.", True),
    ("Tia's stepdad shouted at the children every night in July, and Tia, 6, has started"
     " chewing her sleeves.", True),
    ("Mason, 13, has run away from home three times since March, each time after his "
     "stepdad hit him.", True),
    # a thrown thing that missed is not a missed school day
    ("On 2 May Jay threw a mug at Priya. It missed and smashed against the wall above "
     "the cot where Ruby, 1, was asleep.", False),
    # the only woman in the sentence before is the one who needed stitches
    ("Dad punched Mum on Friday in front of Eli, 4. She needed stitches.", False),
    # what a child tells of an adult's wound is the adult's
    ("Ivy, 5, told her teacher, 'Dad hit Mummy's face and made it bleed.'", False),
    ("Ivy, 5, told her teacher, 'Dad hit my face and made it bleed.'", True),
    # what a child says did not hurt is no effect
    ("Blessing, 9, said Dad hit her with a slipper on Monday but it did not hurt.", False),
    ("Blessing, 9, said Dad hit her with a slipper on Monday and it still hurts.", True),
    # the silent treatment is the adult's act
    ("Mum gives Zara, 8, the silent treatment for days at a time.", False),
    # being awake while adults use drugs is being there, nothing more
    ("On 3 May Mum and her partner smoked cannabis in the lounge while Jade, 4, was "
     "awake.", False),
    # whoever sees blisters is not the one who has them
    ("Staff at nursery saw blisters on Tia's bottom on Monday.", True),
    # an effect word the parser calls an adjective keeps its subject
    ("On Saturday Dad locked the children in their room all night; Kemi, 4, wet herself."
     "On Saturday Dad locked the children in their room all night; Kemi, 4, wet herself.", True),
    # an everyday word as a name, aged in words
    ("On Sunday Dad kicked the bedroom door in. Lily, who is seven, hid under her bed "
     "until the police came.", True),
    # hospitalised
    ("On 3 May Mum left Jay, 2, alone in the flat; he drank bleach and was hospitalised "
     "overnight.", True),
    # sent to school without an aid is still sent to school
    ("Zoe's mum has not sent Zoe, 10, to school with her hearing aids since September.", False),
    ("Zoe's mum has not sent Zoe, 10, to school since September.", True),
    # a placement that broke down is not a broken bone
    ("Rio's placement broke down in May after his foster carer locked him out.", False),
    # an injury in a note that names no one else hurt is the child's
    ("Physical abuse by Mum's boyfriend; bruising noted on 4 March.", True),
    # a thing that cut an adult's hand
    ("On 9 June Mum's boyfriend kicked the dog; the mug he threw cut Mum's hand.", False),
    # a passive with its doer, and a handprint
    ("Leah, 6, was slapped by Nan on Tuesday and had a red handprint on her cheek at "
     "school.", True),
    # what a frightened child does since: jumps at noises, covers their ears
    ("Between 2021 and 2023 Dad punched walls most weekends, and Macy, 8, still jumps at"
     " loud noises.", True),
    ("On Friday Dad shouted at Mum until midnight; Jack, 8, put his hands over his ears "
     "and hummed.", True),
    # a check that found no injuries
    ("Following a row on 30 January, Ollie, 4, was taken to A&E, where no injuries were "
     "identified.", False),
    # hard to wake, floppy, weighing less, chewing sleeves, self-harming, a red cheek
    ("On 2 February Nan gave Bear, 3, one of her sleeping tablets; he was hard to wake "
     "and floppy the next morning.", True),
    ("Between March and June Dean watered down Bo's milk; at the clinic on 20 June Bo, "
     "14 months, weighed less than he did in March.", True),
    ("Since January Dad has called Ava, 9, useless every morning, and Ava now chews her "
     "sleeves until they are soaking.", True),
    ("Amara, 14, has been self-harming since Dad hit her in March.", True),
    ("Last night Dad, drunk, slapped Rosa, 3. Her cheek is still red.", True),
    # neither child was hurt
    ("On Saturday Dad threw the remote at Aylin, 13. It missed. Neither Aylin nor her "
     "brother Emre, 4, was hurt.", False),
    # what may or could have happened, or will if nothing changes, did not
    ("Between 1 and 8 March Mum gave Dev, 2, none of his seizure medicine. Without it "
     "Dev may have had fits.", False),
    ("Between 1 and 8 March Mum gave Dev, 2, none of his seizure medicine, and Dev had "
     "three fits.", True),
    ("Last Saturday Kyle left his methadone within reach of Koa, 2. Koa could have "
     "swallowed it and died.", False),
    ("If Mum keeps drinking, Ava, 6, will go hungry.", False),
    # a child's state in words, after the doer is named in the sentence before
    ("On 9 June Terry left Autumn, 5, in the car for an hour. She was red-faced and "
     "sweating when a passer-by opened the door.", True),
    # "He" after an adult who left a child: the child bitten is the one stitched
    ("On Friday Dad left Chase, 6, alone in the yard with the dog, and the dog bit "
     "Chase's face. He needed 12 stitches.", True),
    # "causing bruising" parsed as a verb
    ("On 2 June Mum's partner struck Hana, 8, with a belt, causing bruising to her "
     "thigh.", True),
    # things broken are not a child's injury
    ("Things are hard at home: Mum and Dean argue a lot and stuff gets broken.", False),
    # locking oneself away is an effect only for a known child
    ("On Friday Sunny, 10, locked herself and her brother in the bathroom when Mum's "
     "boyfriend started smashing plates.", True),
    ("On Friday Mum's boyfriend smashed plates, and Mum locked herself in the bathroom.", False),
]

HARM_BEHAVIOUR = [
    # a name the statement says nothing else about, doing it to a named child, is the doer
    ("On 3 June Graham pushed Tilly, 8, into the wardrobe door during a row with her mum.",
     True),
    ("On 3 June Tilly, 8, pushed her brother into the wardrobe door.", False),
    # named days, plural day-parts and seasons are time anchors
    ("On Bonfire Night, Gary pushed Mia down the stairs.", True),
    ("Jade's stepdad locked her in her room most evenings in the autumn.", True),
    ("Throughout the spring term, Leon's mum kept him off school to mind his baby sister.",
     True),
    ("Jade's stepdad locked her in her room.", False),
    # the parser takes the time for the subject and the person for its apposition
    ("Since Christmas, Amir's uncle has made him stay up past midnight to play cards.", True),
    ("Since Christmas, Amir, 9, has stayed up past midnight to play cards.", False),
    # the one seen did it, not the one who saw
    ("At 4pm on Wednesday I saw Ayo's cousin, Dane, 24, slap Ayo (16) across the face "
     "outside the chip shop.", True),
    ("At 4pm on Wednesday I saw Ayo (16) outside the chip shop.", False),
    # when, in a few more shapes
    ("Twice in the week before Christmas, Mr Novak kicked Filip's mum while Filip watched.",
     True),
    ("When Noel was 3 weeks old, his dad shook him hard to stop him crying.", True),
    ("His dad shook Noel hard to stop him crying.", False),
    ("Mum smokes cannabis daily in the living room where Keely plays.", True),
    ("Mum smokes cannabis in the living room where Keely plays.", False),
    ("On 6 May Kyra's stepdad locked her out of the house all night.", True),
    # unfit to care for the child in your charge is the act
    ("Mum was too drunk to collect Maisy from school on four separate days last term.", True),
    ("On 5 occasions in March, Mum was found intoxicated while caring for Billy.", True),
    ("Mum was often tired last term.", False),
    # a passive's agent is the doer when they are an adult or older
    ("Last Friday, Abdi, 13, was hit by his brother Mohamed, 19.", True),
    ("Last Friday, Abdi, 13, was hit by his brother Mo, 9.", False),
    ("Last summer Kyle, 14, was beaten up in the park by older boys from the estate.", True),
    ("Last summer Kyle, 14, was beaten up in the park by boys from the estate.", False),
    ("On 9 October, staff at the respite unit left Sasha, 14, lying on the same side for "
     "eleven hours.", True),
    # spending the money meant for the children is an act
    ("Since the autumn, Mr Chen has spent the family's food money on online betting most "
     "weeks.", True),
    ("Since the autumn, Mr Chen has spent a lot of time online.", False),
    # a child's reaction is not the act that caused it
    ("Dev cried until he was sick and has wet the bed every night since.", False),
    ("Throughout January, Mr Walsh did not bath Charlie or wash his clothes.", True),
    ("Rosie, 4, and Jack, 2, were left alone on New Year's Eve while their mum, Leanne, went "
     "to the pub.", True),
    # times in notes: a clock time, "today"
    ("Nurse note 14:30: Hollie's mum was heard on the ward shouting at Hollie, 4, and calling "
     "her 'a little bitch'.", True),
    ("Dad smacked Poppy on the legs at the clinic today.", True),
    ("Dad smacked Poppy on the legs at the clinic.", False),
]

ATTRIBUTION = [
    # a denied worry is held by no one
    ("Grandma says she is not worried at all.", False),
    ("Grandma says she is worried.", True),
    # the holder as the object of "worries"
    ("That is what worries her teacher, Mr Lewis, and her aunt, Samira.", True),
    # a concern "for" someone is theirs; parents who minimise concerns do not hold them
    ("Her behaviour around food is a concern for the school.", True),
    ("Mum and Dad minimise the concerns.", False),
    # a child's fear of a thing is a feeling; a child's fear that something will happen is a
    # worry they hold
    ("Noah, 8, says he is scared to be home alone with Ethan.", False),
    ("Malik (10) told his teacher he is scared that his dad will hit his mum again.", True),
]

GOAL_WORDING = [
    # a formal word in a goal fails plain language but does not make it a compliance step
    ("Dad will reside at Uncle Joe's flat until the court hearing in May.", True),
    ("Dad will comply with the safety plan until the court hearing in May.", False),
]

# positive framing: a service keeping watch is not something the family will be doing
FRAMING = [
    ("HV to monitor home conditions on a fortnightly basis until the next review.", False),
    ("Agencies will share information and review the plan every month.", False),
    ("Nursery to report any concerns to the social worker.", False),
    ("Uncle Jim will call in twice a week.", True),
    ("The school will see Maryam in clean uniform, with lunch money, every day this term.",
     True),
]

# timeframe: for how long or by when, in the shapes plans use
TIMEFRAME = [
    ("Ms Byrne will stay off alcohol for a minimum period of 6 months.", True),
    ("Mr Nowak to do random alcohol testing x 6 months, results shared with the social "
     "worker.", True),
    ("Mum will keep Theo's cot clear for the duration of the plan.", True),
    ("Kokum Rose will drive the kids home from hockey for the whole hockey season.", True),
    ("Ms Reyes will let the caseworker know who is babysitting, through the end of the "
     "calendar year.", True),
    ("The safety plan will be looked at again in 3 months.", True),
    # a time of day is not a deadline
    ("Liam's dad will make sure Liam is in bed by 9 on school nights.", False),
    ("When you feel sleepy in a night feed, you will put her in her basket.", False),
]

# danger behaviour: acts the parser misreads or hides
DANGER_BEHAVIOUR = [
    ("Worry: Lee bets online on his phone from 10pm till 3am most nights.", True),
    ("Worry: Lee bets a lot.", False),
    ("Tariq's GP is worried that Tariq smokes heroin in the flat most afternoons.", True),
    ("Isabella could be badly hurt if Mum's partner carries on losing his temper and throwing "
     "things across the room while she is in her bouncer.", True),
    ("The worry is that Patrick will keep leaving his methadone on the kitchen table, where "
     "Saoirse (2) can reach it.", True),
    ("The worry is that Aiden will keep missing school and fall behind with his reading.",
     False),
    ("Chidi's dad, Emeka, is worried that Chidi's stepmum, Lara, locks Chidi, 6, in the back "
     "bedroom for the whole evening.", True),
]

# danger consequences: who the future outcome falls on
CONSEQUENCES = [
    # a child we know only by name, who does nothing to anyone, is the one it happens to
    ("Mum leaves her methadone on the kitchen table. If nothing changes, Jamie could "
     "swallow some and stop breathing.", True),
    ("Dad is worried that Mum's new partner Rob could hurt Charlie.", True),
    ("Dad is worried that Mum's new partner Rob could lose his job.", False),
    # what belongs to the child's body
    ("If Arjun's insulin is missed, his blood sugar could go so high that he goes into a "
     "coma.", True),
    ("If Arjun's insulin is missed, his mum's boss could sack her.", False),
]


# (kind, criterion, cases): each case is a sentence and whether the criterion is met
TABLE = [
    ("safety_goal", "who_needs_to_see", WHO_SEES),
    ("harm", "impact_on_child", IMPACT),
    ("safety_goal", "behavioural_specificity", GOAL_BEHAVIOUR),
    ("harm", "behavioural_specificity", HARM_BEHAVIOUR),
    ("danger", "worried_person_attribution", ATTRIBUTION),
    ("danger", "consequences", CONSEQUENCES),
    ("danger", "behavioural_specificity", DANGER_BEHAVIOUR),
    ("safety_goal", "positive_framing", FRAMING),
    ("safety_goal", "timeframe", TIMEFRAME),
]


@pytest.mark.parametrize("kind, name, text, met", [
    pytest.param(kind, name, text, met, id=f"{kind}.{name}[{i}]")
    for kind, name, cases in TABLE for i, (text, met) in enumerate(cases)])
def test_criterion_case(kind, name, text, met):
    assert check(text, kind=kind).criterion(name).passed is met


@pytest.mark.parametrize("text, met", GOAL_WORDING)
def test_formal_word_keeps_a_goal_positive(text, met):
    report = check(text, kind="safety_goal")
    assert report.criterion("positive_framing").passed is met
    assert not report.criterion("plain_language").passed
