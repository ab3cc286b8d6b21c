/** What a test's report says of each key project it owes: a word of progress and the cause of any delay, enough to be sent. */
export const projectsAnswered = (form: { projects?: { id: number }[] }) =>
  (form.projects ?? []).map((p) => ({ projectId: p.id, narrative: "Đang triển khai thi công", explanation: "Vướng mắc giải phóng mặt bằng" }));
