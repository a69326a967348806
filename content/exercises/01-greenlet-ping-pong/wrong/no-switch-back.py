from greenlet import greenlet


def ping():
    for i in range(1, 4):
        print(f'ping {i}')
        gr_pong.switch()


def pong():
    # Mistake: pong never switches back, so it runs to the end and control returns to main.
    for i in range(1, 4):
        print(f'pong {i}')


gr_ping = greenlet(ping)
gr_pong = greenlet(pong)

gr_ping.switch()
print('main 结束')
