// Free-text pools for generated records, in English and Spanish. Feedback names a strength first
// and makes specific suggestions; nothing here contains safety language.

export const TEXT = {
  en: {
    staff: [
      ['You welcomed the two newest members at community meeting and showed them the board.', 'Try sharing one example from your week in process group.'],
      ['You stayed for the whole skills group and practised the DEAR MAN script out loud.', 'Next time, write your script down before the role-play so you can use it later.'],
      ['You asked for help early when the day room got loud, which kept things calm.', 'Let us plan two places on the unit you can go to when noise builds up.'],
      ['You were on time for every group on Tuesday and Wednesday.', 'Pick one evening activity to join this week, for example the snack and cards table.'],
      ['You helped tidy the art room without being asked.', 'Consider telling the group what the painting you finished means to you.'],
      ['You used your breathing exercise before the medication round instead of arguing.', 'Keep a note of which skill helped most so we can add it to your plan.'],
      ['You gave honest, kind feedback to a peer in group.', 'Ask one question of someone else in group before sharing your own view.'],
      ['You followed through on calling your sister as planned.', 'Let us set a time with your therapist to plan the next family call.'],
    ],
    therapist: [
      ['You named the early signs of a difficult evening and chose a coping skill on your own.', 'Add one more early sign to your plan this week.'],
      ['You are making steady progress on your goal: you described a setback without blaming yourself.', 'Practise the thought record twice before our next session.'],
      ['You spoke openly about what helps at home.', 'Bring the list of supports you made to the family session.'],
      ['You used the problem-solving steps in session with real effort.', 'Try the same steps with one small problem on the unit before Friday.'],
    ],
    peer: [
      ['You listen really well and you remember what people said the day before.', 'Share a bit more about yourself in group, we would like to hear it.'],
      ['You make people laugh at breakfast and it helps start the day.', 'Maybe join the walking group, it would be better with you there.'],
      ['You always offer to help set up the games.', 'Let other people pick the game sometimes.'],
      ['You were patient with me when I was upset on Monday.', 'Keep telling staff when you need a break, it works for you.'],
      ['You give good advice about sleep routines.', 'Try the evening quiet time with us instead of the TV room.'],
      ['You are honest in community meeting.', 'Give the new people a chance to speak first.'],
    ],
    self: [
      ['I got up on time every day this week and went to breakfast.', 'I want to speak at least once in process group.'],
      ['I used box breathing when I felt tense after the phone call.', 'I will ask for a check-in with my nurse before evenings.'],
      ['I finished my relapse prevention worksheet.', 'I want to practise saying no to offers before I go home.'],
      ['I went to art therapy and enjoyed it more than I expected.', 'I will try the walking group on Thursday.'],
      ['I asked for help instead of staying in my room.', 'I want to plan what I will do on the first weekend at home.'],
      ['I kept my goal list up to date.', 'I will write down three things that went well each evening.'],
    ],
    program: [
      ['Community meeting is a good way to start the day, people listen.', 'Could the weekend have one more group in the afternoon?'],
      ['Staff explain the reasons for the expectations, which helps.', 'The board could show which room each group is in.'],
      ['The art room is calm and well stocked.', 'More evening activities would be welcome, for example music.'],
      ['Nurses check in with me every day.', 'A quiet corner in the day room would help when it gets busy.'],
    ],
    skills: ['box breathing', '5-4-3-2-1 grounding', 'urge surfing', 'journaling', 'opposite action', 'a short walk', 'calling a support person', 'progressive muscle relaxation', 'listening to music', 'thought record'],
    practiceNotes: ['Used before group.', 'Helped after a difficult phone call.', 'Practised with a peer.', 'Tried it in the evening.', 'Worked better than last time.'],
    goals: [
      'Build a morning routine I can keep at home',
      'Notice early signs of low mood and use a skill',
      'Reconnect with my brother and plan regular calls',
      'Sleep at least seven hours most nights',
      'Speak up in group at least once a day',
      'Make a plan for the first week after discharge',
      'Practise two coping skills every day',
      'Return to part-time study with support',
    ],
    attendanceNotes: { late: 'Arrived after the start.', 'left-early': 'Left for an appointment.', excused: 'Meeting with their therapist.', absent: 'Resting in room; checked in with nurse.', refused: 'Chose to stay in room; staff checked in later.' },
    observationNotes: ['Quiet reminder given; accepted.', 'Talked through what happened 1:1 and agreed a plan.'],
  },
  es: {
    staff: [
      ['Has llegado puntual a todas las sesiones de este mes.', 'Prueba a compartir un ejemplo concreto de tu semana en la ronda.'],
      ['Escuchaste con atención y resumiste bien lo que dijo tu compañera.', 'La próxima vez, intenta hablar también de cómo te sentiste tú.'],
      ['Usaste la respiración antes de hablar de un tema difícil.', 'Apunta qué habilidad te funcionó mejor para añadirla a tu plan.'],
      ['Diste la bienvenida a la persona nueva del grupo.', 'Podrías proponer un tema para la próxima psicoeducación.'],
    ],
    therapist: [
      ['Identificaste las señales tempranas de recaída con mucha claridad.', 'Practica el registro de pensamientos dos veces antes de la próxima sesión.'],
      ['Avanzas en tu objetivo: hablaste de un tropiezo sin culparte.', 'Lleva tu lista de apoyos a la sesión de familias.'],
    ],
    peer: [
      ['Escuchas muy bien y recuerdas lo que contamos la semana pasada.', 'Nos gustaría oír más de ti en la ronda.'],
      ['Tu sentido del humor ayuda a empezar la sesión con calma.', 'Anímate a venir al paseo del sábado.'],
      ['Eres sincera en el grupo y eso nos da confianza.', 'Deja que los nuevos hablen primero de vez en cuando.'],
      ['Compartes consejos útiles sobre rutinas.', 'Sigue pidiendo ayuda cuando la necesitas, te funciona.'],
    ],
    self: [
      ['Vine a todas las sesiones y hablé en la ronda.', 'Quiero practicar decir que no a las invitaciones a beber.'],
      ['Usé la respiración cuadrada cuando me sentí tensa en el trabajo.', 'Voy a llamar a mi madrina una vez por semana.'],
      ['Terminé mi plan de prevención de recaídas.', 'Quiero planificar el fin de semana con antelación.'],
      ['Pedí ayuda en lugar de aislarme.', 'Voy a apuntar tres cosas buenas cada noche.'],
    ],
    program: [
      ['El grupo empieza puntual y el ambiente es acogedor.', 'Estaría bien tener la psicoeducación todas las semanas.'],
      ['Las normas se explican con claridad.', 'El tablón podría indicar la sala de cada actividad.'],
    ],
    skills: ['respiración cuadrada', 'anclaje 5-4-3-2-1', 'surfear el impulso', 'escribir un diario', 'acción opuesta', 'un paseo corto', 'llamar a una persona de apoyo', 'relajación muscular progresiva'],
    practiceNotes: ['Antes de una reunión difícil.', 'Practicado en casa por la noche.', 'Funcionó mejor que la semana pasada.'],
    goals: ['Mantener la abstinencia con apoyo del grupo', 'Reconocer las señales tempranas de recaída', 'Recuperar la rutina de sueño', 'Mejorar la comunicación con mi familia', 'Volver a hacer deporte dos veces por semana'],
    attendanceNotes: { late: 'Llegó tarde por el trabajo.', 'left-early': 'Salió antes por una cita médica.', excused: 'Avisó con antelación.', absent: 'No avisó; se le llamó al día siguiente.', refused: 'Prefirió no entrar; hablamos después.' },
    observationNotes: ['Recordatorio amable; aceptado.', 'Lo hablamos a solas y acordamos un plan.'],
  },
};
