/* A minimal H5P library of the tests' own: one question, a text answer, "Kiểm tra" sends a scored
   xAPI statement (completed, success when the answer is right). It keeps its answer as H5P state. */
var H5P = window.H5P = window.H5P || {};
H5P.HoiQuestion = (function () {
  function HoiQuestion(params, contentId, extras) {
    H5P.EventDispatcher.call(this);
    this.params = params;
    this.contentId = contentId;
    this.state = (extras && extras.previousState) || {};
  }
  HoiQuestion.prototype = Object.create(H5P.EventDispatcher.prototype);
  HoiQuestion.prototype.constructor = HoiQuestion;
  HoiQuestion.prototype.getCurrentState = function () {
    return this.state;
  };
  HoiQuestion.prototype.attach = function ($container) {
    var self = this;
    var root = $container.get(0);
    root.classList.add("hoi-question");
    root.innerHTML = "";
    var question = document.createElement("p");
    question.textContent = this.params.question;
    var label = document.createElement("label");
    label.textContent = "Câu trả lời";
    var input = document.createElement("input");
    input.type = "text";
    input.value = this.state.answer || "";
    label.appendChild(input);
    var note = document.createElement("p");
    note.className = "hoi-question__note";
    note.textContent = this.state.answer ? "Đã lưu câu trả lời: " + this.state.answer : "Chưa trả lời";
    var save = document.createElement("button");
    save.type = "button";
    save.textContent = "Lưu câu trả lời";
    var check = document.createElement("button");
    check.type = "button";
    check.textContent = "Kiểm tra";
    save.addEventListener("click", function () {
      self.state = { answer: input.value };
      note.textContent = "Đã lưu câu trả lời: " + input.value;
      self.triggerXAPI("interacted");
    });
    check.addEventListener("click", function () {
      self.state = { answer: input.value };
      var right = input.value.trim().toLowerCase() === String(self.params.answer).toLowerCase();
      self.triggerXAPIScored(right ? 1 : 0, 1, "completed", true, right);
      note.textContent = right ? "Đúng rồi!" : "Chưa đúng, hãy thử lại.";
    });
    root.appendChild(question);
    root.appendChild(label);
    root.appendChild(save);
    root.appendChild(check);
    root.appendChild(note);
  };
  return HoiQuestion;
})();
